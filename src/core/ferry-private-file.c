/* ferry-private-file.c: what Ferry writes is the person's alone
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups, journals, reports and exports hold private posts, DMs, blocks, mutes and notes:
 * folders 0700, files 0600, whatever the umask. A file is written whole or not at all: into
 * ".NAME.ferry-part" beside it, synced, then renamed over NAME. A run killed halfway leaves
 * only the hidden part file.
 */

#define G_LOG_DOMAIN "ferry-private-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ferry-private-file.h"

static gboolean
set_errno_error (GError     **error,
                 int          saved,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: %s is a file name, then the system's reason */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"),
               display, g_strerror (saved));
  return FALSE;
}

/**
 * ferry_private_dir_make:
 *
 * Makes @path and any missing parents, each new one 0700, and makes @path itself 0700 if it
 * was there already (a folder Ferry writes into is Ferry's).
 */
gboolean
ferry_private_dir_make (const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_mkdir_with_parents (path, 0700) != 0 || g_chmod (path, 0700) != 0)
    return set_errno_error (error, errno, path);
  return TRUE;
}

/**
 * ferry_private_file_write:
 * @length: bytes of @contents, or -1 for a string
 *
 * Writes @path 0600, atomically (see above). The folder must exist.
 */
gboolean
ferry_private_file_write (const char  *path,
                          const char  *contents,
                          gssize       length,
                          GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *part_name = NULL;
  g_autofree char *part = NULL;
  const char *p = contents;
  gsize left;
  int fd;
  int saved;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length <= 0, FALSE);

  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  part_name = g_strconcat (".", base, ".ferry-part", NULL);
  part = g_build_filename (folder, part_name, NULL);
  left = length < 0 ? strlen (contents) : (gsize) length;

  fd = g_open (part, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, path);
  /* A part file a killed run left may be older and wider. */
  if (fchmod (fd, 0600) != 0)
    goto failed;
  while (left > 0)
    {
      ssize_t written = write (fd, p, left);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        goto failed;
      p += written;
      left -= (gsize) written;
    }
  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (part, path) != 0)
    goto failed;
  return TRUE;

failed:
  saved = errno ? errno : EIO;
  if (fd >= 0)
    close (fd);
  g_unlink (part);
  return set_errno_error (error, saved, path);
}

typedef struct
{
  char   *path;
  GBytes *contents;
} Writing;

static void
writing_free (Writing *w)
{
  g_free (w->path);
  g_bytes_unref (w->contents);
  g_free (w);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Writing *w = task_data;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (w->contents, &length);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (ferry_private_file_write (w->path, data != NULL ? data : "", (gssize) length, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * ferry_private_file_write_async:
 * @contents: what to write (kept until it is written)
 *
 * ferry_private_file_write() in a worker thread: @path 0600, atomically. Two writes of the
 * same @path must not overlap (they share the part file): wait for the first to finish.
 * @cancellable is checked only before the write starts; a write under way is finished.
 */
void
ferry_private_file_write_async (const char          *path,
                                GBytes              *contents,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Writing *w;

  g_return_if_fail (path != NULL);
  g_return_if_fail (contents != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_private_file_write_async);
  /* Written is written: a cancel that comes during the write does not hide it. */
  g_task_set_check_cancellable (task, FALSE);
  w = g_new0 (Writing, 1);
  w->path = g_strdup (path);
  w->contents = g_bytes_ref (contents);
  g_task_set_task_data (task, w, (GDestroyNotify) writing_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ferry_private_file_write_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
