/**
 * File system errors in words, the same for every command that reads or writes a file the user
 * named (payloads, --file, --overlay, --spec, --ca, --cert/--key, --report). The words follow the
 * system's own (strerror) so a user can search for them; the path is the caller's to add.
 */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is larger than this process may write',
  EIO: 'input/output error',
  EBUSY: 'the file is busy',
  ENXIO: 'no such device',
  EAGAIN: 'the file is not ready (try again)',
};

/** Why a file could not be read or written, as a short phrase (never a stack, never the path). */
export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code !== '') return REASONS[code] ?? code;
  if (error instanceof Error && error.message !== '') return error.message;
  return 'unreadable';
}

/** The stable error code (docs/error-codes.md) of a file that could not be read. */
export function fsErrorCode(error: unknown): 'input' | 'input.not-found' {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR' ? 'input.not-found' : 'input';
}
