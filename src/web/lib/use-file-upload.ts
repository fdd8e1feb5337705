import { useState } from 'react';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { useSettings } from './settings-queries';

// What every upload form keeps: the chosen file, the request's progress, and the size the division
// allows (the setting, its default until the settings arrive). The server checks size and content
// again; this only spares a phone on a slow line from sending a file that will be refused.
export function useFileUpload() {
  const settings = useSettings();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const maxBytes = (settings.data?.maxUploadMb ?? DEFAULT_SETTINGS.maxUploadMb) * 1024 * 1024;
  // The file to send, with the progress back at zero; null while none is chosen.
  const begin = (): File | null => {
    if (file) setProgress(0);
    return file;
  };
  return { file, setFile, progress, onProgress: setProgress, maxBytes, begin, clear: () => setFile(null) };
}
