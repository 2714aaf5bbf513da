// Passwords that appear at the top of every published breach-frequency list and are
// at least 8 characters long (shorter ones are refused by length anyway). Compared
// case-insensitively. Deliberately small: it stops the obvious, not a dictionary attack.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
  "12345678", "123456789", "1234567890", "12345678910", "0123456789", "87654321", "987654321", "11111111",
  "00000000", "88888888", "12341234", "11223344", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "zaq12wsx",
  "qwertyuiop", "qwerty123", "qwerty12", "qwerty1234", "qwertyui", "asdfghjkl", "asdfasdf", "zxcvbnm1",
  "iloveyou", "iloveyou1", "sunshine", "princess", "football", "baseball", "basketball", "superman",
  "batman123", "starwars", "whatever", "trustno1", "letmein1", "letmein123", "welcome1", "welcome123",
  "admin123", "administrator", "changeme", "changeme1", "default1", "secret123", "michael1", "jennifer",
  "jordan23", "charlie1", "liverpool", "chelsea1", "arsenal1", "computer", "internet", "iloveu123",
  "master123", "monkey123", "dragon123", "shadow123", "abcd1234", "abc12345", "abcdefgh", "aa123456",
  "a1234567", "qazwsxedc", "q1w2e3r4", "q1w2e3r4t5", "google123", "samsung1", "mustang1", "access14",
  "freedom1", "pokemon1", "hello123", "loveyou1", "babygirl", "lovely12", "fuckyou1", "asdf1234",
  "newsroom", "factcheck", "claimdesk", "journalist", "reporter1", "editor123", "reviewer",
]);

export function isCommonPassword(candidate: string): boolean {
  return COMMON_PASSWORDS.has(candidate.toLowerCase());
}
