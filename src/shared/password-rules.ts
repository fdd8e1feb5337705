// How strong a password must be, shared by the server (which decides) and the web forms (which
// explain before sending). Score is zxcvbn's 0–4: 3 = "safely unguessable", about 10^8 guesses,
// enough against online guessing and a slow hash (argon2id) offline.
export const MIN_PASSWORD_SCORE = 3;
export const PASSWORD_MAX_LENGTH = 200;

// What a password must not be built from: the account's own e-mail, name and unit.
export type PasswordUserData = { email?: string | null; name?: string | null; unitName?: string | null };

export type PasswordVerdict = {
  isStrong: boolean;
  score: number;
  // Why it is weak and what to do, in Indonesian and English; empty when strong.
  message: string;
  messageEn: string;
};
