import { useEffect, useState } from 'react';
import type { PasswordUserData, PasswordVerdict } from '../../shared/password-rules';

// The same check the server makes, loaded on first use: its word lists are large, so the
// sign-in page and the rest of the app never download them.
export function usePasswordVerdict(password: string, user: PasswordUserData): PasswordVerdict | null {
  const [checked, setChecked] = useState<{ key: string; verdict: PasswordVerdict } | null>(null);
  const { email, name, unitName } = user;
  const key = JSON.stringify([password, email, name, unitName]);
  useEffect(() => {
    if (!password) return;
    let isCurrent = true;
    void import('../../shared/password-strength').then(({ checkPasswordStrength }) => {
      if (isCurrent) setChecked({ key, verdict: checkPasswordStrength(password, { email, name, unitName }) });
    });
    return () => {
      isCurrent = false;
    };
  }, [key, password, email, name, unitName]);
  // A verdict for an earlier value is not shown for the current one.
  return password && checked?.key === key ? checked.verdict : null;
}
