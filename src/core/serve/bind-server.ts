import type { Server } from 'node:net';
import { UsageError, type ErrorCode } from '../../errors.js';

/**
 * Starts `server` listening, turning the reasons it cannot into one clear usage error each.
 * `portFlag` names the flag that chose the port, so the hint points at what to change; a port in use
 * has its own error code per command (docs/error-codes.md).
 */
export async function bindServer(
  server: Server,
  host: string,
  port: number,
  flags: { portFlag: string; inUseCode: ErrorCode },
): Promise<void> {
  const { portFlag, inUseCode } = flags;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE')
        reject(
          new UsageError(
            `port ${port} on ${host} is already in use`,
            `Stop the other program or choose another ${portFlag}`,
            { code: inUseCode },
          ),
        );
      else if (error.code === 'EACCES')
        reject(
          new UsageError(
            `not allowed to listen on ${where}`,
            `Ports below 1024 need privileges; choose a ${portFlag} above 1023`,
          ),
        );
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(
          new UsageError(
            `cannot listen on ${where}: no such local address`,
            'Give --host an address of this machine, e.g. 127.0.0.1 or 0.0.0.0',
          ),
        );
      else
        reject(new UsageError(`cannot listen on ${where}: ${error.message}`, `Check --host and ${portFlag}`));
    });
    server.listen(port, host, () => resolve());
  });
}
