import { PASSWORD_MIN_LENGTH } from '../../../../shared/users';

// Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
// Bytes at or above this are skipped, so that every character is equally likely.
const LIMIT = 256 - (256 % ALPHABET.length);

export function generatePassword(length = Math.max(14, PASSWORD_MIN_LENGTH)): string {
  let password = '';
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < LIMIT && password.length < length) password += ALPHABET[byte % ALPHABET.length] ?? '';
    }
  }
  return password;
}
