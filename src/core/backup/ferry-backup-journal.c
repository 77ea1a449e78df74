/* ferry-backup-journal.c: what a backup has done so far, on disk, so that it can go on
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside the backup, in ".ferry-journal/": per category, the items fetched so far as JSON
 * Lines (CATEGORY.jsonl), and its state (CATEGORY.json: the next page's URL, how many items,
 * how many bytes of the .jsonl file are committed, and what the category keeps besides).
 *
 * A commit appends a page's lines, syncs them to disk, and then replaces the state file
 * (write to a temporary file, sync, rename). So after a crash or a power cut the state names
 * a length the .jsonl file has reached; anything after it is a page that was not committed,
 * and opening the journal cuts it off. That page is fetched again: nothing twice, nothing
 * lost. A .jsonl file shorter than its state says (a disk that lied about syncing) starts
 * that category over.
 *
 * All file work runs in a worker thread; the state objects are only touched on the main
 * thread.
 *
 * Persistence reader: the journal's own state files.
 */

#define G_LOG_DOMAIN "ferry-backup-journal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ferry-api-error.h"
#include "ferry-backup-journal.h"
#include "ferry-private-file.h"

#define JOURNAL_DIR ".ferry-journal"

struct _FerryBackupJournal
{
  GObject     parent_instance;

  GFile      *dir;       /* owned: the backup folder */
  char       *path;      /* the journal folder */
  GHashTable *states;    /* category → JsonObject, owned */
  gboolean    resuming;
};

G_DEFINE_FINAL_TYPE (FerryBackupJournal, ferry_backup_journal, G_TYPE_OBJECT)

static void
ferry_backup_journal_finalize (GObject *object)
{
  FerryBackupJournal *self = FERRY_BACKUP_JOURNAL (object);

  g_clear_object (&self->dir);
  g_free (self->path);
  g_hash_table_unref (self->states);

  G_OBJECT_CLASS (ferry_backup_journal_parent_class)->finalize (object);
}

static void
ferry_backup_journal_class_init (FerryBackupJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_backup_journal_finalize;
}

static void
ferry_backup_journal_init (FerryBackupJournal *self)
{
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_object_unref);
}

FerryBackupJournal *
ferry_backup_journal_new (GFile *dir)
{
  FerryBackupJournal *self;
  g_autofree char *base = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  self = g_object_new (FERRY_TYPE_BACKUP_JOURNAL, NULL);
  self->dir = g_object_ref (dir);
  base = g_file_get_path (dir);
  self->path = g_build_filename (base, JOURNAL_DIR, NULL);
  return self;
}

GFile *
ferry_backup_journal_get_dir (FerryBackupJournal *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_JOURNAL (self), NULL);

  return self->dir;
}

static char *
file_path (FerryBackupJournal *self,
           const char         *category,
           const char         *suffix)
{
  g_autofree char *name = g_strconcat (category, suffix, NULL);

  return g_build_filename (self->path, name, NULL);
}

char *
ferry_backup_journal_get_staging_path (FerryBackupJournal *self,
                                       const char         *category)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_JOURNAL (self), NULL);

  return file_path (self, category, ".jsonl");
}

static GError *
io_error (int         saved_errno,
          const char *path)
{
  g_autofree char *name = g_filename_display_name (path);

  return g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                      /* Translators: %s is a file name, then the system's reason */
                      _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
}

/* Opening: in the worker thread. */

typedef struct
{
  char      **categories;
  GPtrArray  *states;     /* JsonObject* or NULL, per category */
  gboolean    resuming;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_strfreev (data->categories);
  g_ptr_array_unref (data->states);
  g_free (data);
}

/* persistence reader: the journal's own state files */
static JsonObject *
load_state (FerryBackupJournal *self,
            const char         *category,
            gboolean           *found)
{
  g_autofree char *state_path = file_path (self, category, ".json");
  g_autofree char *staging_path = file_path (self, category, ".jsonl");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *state;
  gint64 committed;
  GStatBuf st;

  if (!json_parser_load_from_file (parser, state_path, NULL) ||
      ferry_api_json_root_object (parser) == NULL)
    {
      /* No state, or one that cannot be read: this category starts over. */
      g_unlink (staging_path);
      return json_object_new ();
    }
  *found = TRUE;
  state = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  committed = json_object_get_int_member_with_default (state, "staged", 0);
  if (g_stat (staging_path, &st) != 0)
    st.st_size = 0;
  if ((gint64) st.st_size < committed)
    {
      g_warning ("%s: the journal is shorter than its state says; starting it over", category);
      json_object_unref (state);
      g_unlink (staging_path);
      g_unlink (state_path);
      return json_object_new ();
    }
  if ((gint64) st.st_size > committed && truncate (staging_path, committed) != 0)
    g_warning ("%s: could not cut the uncommitted page: %s", category, g_strerror (errno));
  return state;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FerryBackupJournal *self = source_object;
  OpenData *data = task_data;

  if (g_mkdir_with_parents (self->path, 0700) != 0 || g_chmod (self->path, 0700) != 0)
    {
      g_task_return_error (task, io_error (errno, self->path));
      return;
    }
  for (guint i = 0; data->categories[i] != NULL; i++)
    g_ptr_array_add (data->states, load_state (self, data->categories[i], &data->resuming));
  g_task_return_boolean (task, TRUE);
}

/**
 * ferry_backup_journal_open_async:
 * @categories: the categories whose state to read
 *
 * Creates the journal, or reads the one an earlier run left, cutting off any page that was
 * not committed.
 */
void
ferry_backup_journal_open_async (FerryBackupJournal  *self,
                                 const char * const  *categories,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (FERRY_IS_BACKUP_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_backup_journal_open_async);
  data = g_new0 (OpenData, 1);
  data->categories = g_strdupv ((char **) categories);
  data->states = g_ptr_array_new ();
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

gboolean
ferry_backup_journal_open_finish (FerryBackupJournal  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  OpenData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  for (guint i = 0; data->categories[i] != NULL; i++)
    g_hash_table_replace (self->states, g_strdup (data->categories[i]),
                          g_ptr_array_index (data->states, i));
  g_ptr_array_set_size (data->states, 0);
  self->resuming = data->resuming;
  return TRUE;
}

/* Whether an earlier run left work to go on with. */
gboolean
ferry_backup_journal_is_resuming (FerryBackupJournal *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_JOURNAL (self), FALSE);

  return self->resuming;
}

/**
 * ferry_backup_journal_get_state:
 *
 * The category's state, to read and change; a commit writes it.
 *
 * Returns: (transfer none): the state
 */
JsonObject *
ferry_backup_journal_get_state (FerryBackupJournal *self,
                                const char         *category)
{
  JsonObject *state;

  g_return_val_if_fail (FERRY_IS_BACKUP_JOURNAL (self), NULL);

  state = g_hash_table_lookup (self->states, category);
  if (state == NULL)
    {
      state = json_object_new ();
      g_hash_table_insert (self->states, g_strdup (category), state);
    }
  return state;
}

/* Committing: in the worker thread. */

typedef struct
{
  char   *staging_path;
  char   *state_path;
  GBytes *lines;
  char   *state_text;
} CommitData;

static void
commit_data_free (CommitData *data)
{
  g_free (data->staging_path);
  g_free (data->state_path);
  g_clear_pointer (&data->lines, g_bytes_unref);
  g_free (data->state_text);
  g_free (data);
}

static gboolean
append_synced (const char  *path,
               GBytes      *bytes,
               GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      g_propagate_error (error, io_error (errno, path));
      return FALSE;
    }
  while (size > 0)
    {
      ssize_t written = write (fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          int saved = errno;

          close (fd);
          g_propagate_error (error, io_error (saved, path));
          return FALSE;
        }
      data += written;
      size -= written;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      g_propagate_error (error, io_error (errno, path));
      return FALSE;
    }
  return TRUE;
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CommitData *data = task_data;
  GError *error = NULL;

  if (data->lines != NULL && g_bytes_get_size (data->lines) > 0 &&
      !append_synced (data->staging_path, data->lines, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* A temporary file, synced, then renamed; 0600. */
  if (!ferry_private_file_write (data->state_path, data->state_text, -1, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * ferry_backup_journal_commit_async:
 * @lines: (nullable): JSON Lines to add to the category's items
 *
 * Appends @lines, then records the category's state (with "staged" set to the new length).
 * A category's commits must not overlap; different categories' may.
 */
void
ferry_backup_journal_commit_async (FerryBackupJournal  *self,
                                   const char          *category,
                                   GBytes              *lines,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *state;
  CommitData *data;

  g_return_if_fail (FERRY_IS_BACKUP_JOURNAL (self));

  state = ferry_backup_journal_get_state (self, category);
  /* persistence reader: how much of the staging file the journal counts as committed */
  if (lines != NULL)
    json_object_set_int_member (state, "staged",
                                json_object_get_int_member_with_default (state, "staged", 0) +
                                (gint64) g_bytes_get_size (lines));
  json_node_set_object (node, state);

  /* Not cancellable: a commit is whole or not at all. */
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, ferry_backup_journal_commit_async);
  data = g_new0 (CommitData, 1);
  data->staging_path = file_path (self, category, ".jsonl");
  data->state_path = file_path (self, category, ".json");
  data->lines = lines ? g_bytes_ref (lines) : NULL;
  data->state_text = json_to_string (node, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) commit_data_free);
  g_task_run_in_thread (task, commit_thread);
}

gboolean
ferry_backup_journal_commit_finish (FerryBackupJournal  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ferry_backup_journal_remove:
 *
 * Deletes the journal once the backup is whole. Small files; called from a worker thread or
 * at the very end.
 */
gboolean
ferry_backup_journal_remove (FerryBackupJournal  *self,
                             GError             **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (FERRY_IS_BACKUP_JOURNAL (self), FALSE);

  dir = g_dir_open (self->path, 0, NULL);
  if (dir == NULL)
    return TRUE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->path, name, NULL);

      if (g_unlink (path) != 0)
        {
          g_propagate_error (error, io_error (errno, path));
          return FALSE;
        }
    }
  if (g_rmdir (self->path) != 0)
    {
      g_propagate_error (error, io_error (errno, self->path));
      return FALSE;
    }
  return TRUE;
}
