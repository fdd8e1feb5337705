import { Text } from '@mantine/core';
import { parseSnippet } from '../lib/snippet';

export function SnippetText({ html }: { html: string }) {
  return (
    <Text fz="sm" className="jalin-snippet" c="gray.8">
      {parseSnippet(html).map((part, index) => (part.isMark ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </Text>
  );
}
