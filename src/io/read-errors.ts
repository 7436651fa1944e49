import { userError, type UserError } from '../errors.js';

/**
 * Turn a failure to read an input file into a user error that names the file and what to
 * check. A folder given in place of a file gets `folderError`, which says which file the
 * command expects.
 */
export function fileReadError(path: string, error: unknown, folderError: () => UserError): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return userError(
      `No se encontró el archivo ${path}. Revisa el nombre y la carpeta desde la que ejecutas el comando.`,
      `File ${path} not found. Check the name and the folder you run the command from.`,
    );
  }
  if (code === 'EISDIR') return folderError();
  if (code === 'EACCES' || code === 'EPERM') {
    return userError(
      `No hay permiso para leer el archivo ${path}. Revisa sus permisos.`,
      `Permission denied reading file ${path}. Check its permissions.`,
    );
  }
  if (code === 'ENOTDIR' || code === 'ELOOP') {
    return userError(
      `No se pudo leer el archivo ${path}: una parte de la ruta no es una carpeta o es un enlace simbólico circular (${code}). Revisa la ruta.`,
      `Failed to read file ${path}: part of the path is not a folder or is a circular symbolic link (${code}). Check the path.`,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return userError(`No se pudo leer el archivo ${path}: ${reason}.`, `Failed to read file ${path}: ${reason}.`);
}
