/* ferry-transfer-journal.c: the state of every item of a transfer, on disk as it changes
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON Lines file per backup and destination account. Each line is an item's record
 * ({"k": key, "s": state, …}); a later line for the same key replaces the earlier one. Lines
 * are appended and synced to disk in a worker thread; the transfer waits for the sync of an
 * item's "started" line before it sends the item's request, so after a crash an item is
 * either known done, known not yet sent, or "started" (its result unknown: the transfer asks
 * the server before doing it again). A last line cut short by a crash is dropped on opening.
 *
 * Persistence reader: the transfer's journal.
 */

#define G_LOG_DOMAIN "ferry-transfer-journal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ferry-api-error.h"
#include "ferry-transfer-journal.h"

struct _FerryTransferJournal
{
  GObject     parent_instance;

  char       *path;
  GHashTable *records;   /* key → JsonObject (owned) */
  GString    *pending;   /* lines not yet handed to a flush */
  gboolean    flushing;
  GPtrArray  *waiters;   /* GTask*, for the flush after the running one */
  gboolean    is_new;
};

G_DEFINE_FINAL_TYPE (FerryTransferJournal, ferry_transfer_journal, G_TYPE_OBJECT)

static void
ferry_transfer_journal_finalize (GObject *object)
{
  FerryTransferJournal *self = FERRY_TRANSFER_JOURNAL (object);

  g_free (self->path);
  g_hash_table_unref (self->records);
  g_string_free (self->pending, TRUE);
  g_ptr_array_unref (self->waiters);

  G_OBJECT_CLASS (ferry_transfer_journal_parent_class)->finalize (object);
}

static void
ferry_transfer_journal_class_init (FerryTransferJournalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_transfer_journal_finalize;
}

static void
ferry_transfer_journal_init (FerryTransferJournal *self)
{
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) json_object_unref);
  self->pending = g_string_new (NULL);
  self->waiters = g_ptr_array_new ();
  self->is_new = TRUE;
}

/**
 * ferry_transfer_journal_new:
 * @path: the JSON Lines file (its folder is created when needed)
 */
FerryTransferJournal *
ferry_transfer_journal_new (const char *path)
{
  FerryTransferJournal *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FERRY_TYPE_TRANSFER_JOURNAL, NULL);
  self->path = g_strdup (path);
  return self;
}

const char *
ferry_transfer_journal_get_path (FerryTransferJournal *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER_JOURNAL (self), NULL);

  return self->path;
}

/* Opening */

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) json_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GError *error = NULL;
  gsize length = 0, good = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_hash_table_unref (records);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Ferry could not create the folder %s: %s"), dir,
                               g_strerror (saved));
      return;
    }
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_hash_table_unref (records);
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
      g_task_return_pointer (task, records, (GDestroyNotify) g_hash_table_unref);
      return;
    }

  for (gsize start = 0; start < length;)
    {
      const char *end = memchr (contents + start, '\n', length - start);
      JsonObject *record;
      const char *key;

      if (end == NULL)
        break;   /* cut short by a crash */
      if (!json_parser_load_from_data (parser, contents + start, end - (contents + start), NULL))
        break;
      if ((record = ferry_api_json_root_object (parser)) == NULL ||
          (key = json_object_get_string_member_with_default (record, "k", NULL)) == NULL)
        break;
      g_hash_table_replace (records, g_strdup (key), json_object_ref (record));
      start = end + 1 - contents;
      good = start;
    }

  if (good < length && truncate (path, (off_t) good) != 0)
    {
      int saved = errno;

      g_hash_table_unref (records);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Ferry could not repair %s: %s"), path, g_strerror (saved));
      return;
    }
  g_task_return_pointer (task, records, (GDestroyNotify) g_hash_table_unref);
}

void
ferry_transfer_journal_open_async (FerryTransferJournal *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FERRY_IS_TRANSFER_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_transfer_journal_open_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, open_thread);
}

gboolean
ferry_transfer_journal_open_finish (FerryTransferJournal  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  GHashTable *records;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  records = g_task_propagate_pointer (G_TASK (result), error);
  if (records == NULL)
    return FALSE;
  g_hash_table_unref (self->records);
  self->records = records;
  self->is_new = g_hash_table_size (records) == 0;
  return TRUE;
}

/* Whether nothing was recorded before this run. */
gboolean
ferry_transfer_journal_is_new (FerryTransferJournal *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER_JOURNAL (self), TRUE);

  return self->is_new;
}

/**
 * ferry_transfer_journal_lookup:
 *
 * Returns: (transfer none) (nullable): the latest record of @key
 */
JsonObject *
ferry_transfer_journal_lookup (FerryTransferJournal *self,
                               const char           *key)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER_JOURNAL (self), NULL);

  return g_hash_table_lookup (self->records, key);
}

/**
 * ferry_transfer_journal_record:
 * @record: the item's new record; "k" is set to @key
 *
 * Replaces @key's record at once in memory; on disk with the next flush.
 */
void
ferry_transfer_journal_record (FerryTransferJournal *self,
                               const char           *key,
                               JsonObject           *record)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *line = NULL;

  g_return_if_fail (FERRY_IS_TRANSFER_JOURNAL (self));
  g_return_if_fail (key != NULL && record != NULL);

  json_object_set_string_member (record, "k", key);
  json_node_set_object (node, record);
  line = json_to_string (node, FALSE);
  g_string_append (self->pending, line);
  g_string_append_c (self->pending, '\n');
  g_hash_table_replace (self->records, g_strdup (key), json_object_ref (record));
}

/* How many records whose key starts with @prefix carry "day": @day (UTC days since 1970). */
guint
ferry_transfer_journal_count_day (FerryTransferJournal *self,
                                  const char           *prefix,
                                  gint64                day)
{
  GHashTableIter iter;
  gpointer key, value;
  guint count = 0;

  g_return_val_if_fail (FERRY_IS_TRANSFER_JOURNAL (self), 0);

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, prefix) &&
        json_object_get_int_member_with_default (value, "day", -1) == day)
      count++;
  return count;
}

/**
 * ferry_transfer_journal_get_keys:
 *
 * Returns: (transfer container) (element-type utf8): every key recorded
 */
GList *
ferry_transfer_journal_get_keys (FerryTransferJournal *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER_JOURNAL (self), NULL);

  return g_hash_table_get_keys (self->records);
}

/* Flushing */

typedef struct
{
  char    *path;
  GString *lines;
} FlushData;

static void
flush_data_free (FlushData *data)
{
  g_free (data->path);
  g_string_free (data->lines, TRUE);
  g_free (data);
}

static void
flush_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FlushData *data = task_data;
  gsize written = 0;
  int fd = g_open (data->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    goto failed;
  while (written < data->lines->len)
    {
      ssize_t n = write (fd, data->lines->str + written, data->lines->len - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto failed;
      written += (gsize) n;
    }
  if (fdatasync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  g_task_return_boolean (task, TRUE);
  return;

failed:
  {
    int saved = errno;

    if (fd >= 0)
      close (fd);
    g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                             _("Ferry could not write its journal %s: %s"), data->path,
                             g_strerror (saved));
  }
}

static void start_flush (FerryTransferJournal *self);

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FerryTransferJournal *self = FERRY_TRANSFER_JOURNAL (object);
  GPtrArray *tasks = user_data;
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
  g_clear_error (&error);
  g_ptr_array_unref (tasks);
  self->flushing = FALSE;
  if (self->waiters->len > 0)
    start_flush (self);
}

static void
start_flush (FerryTransferJournal *self)
{
  /* The waiters so far are answered when this flush is done. */
  GPtrArray *tasks = g_steal_pointer (&self->waiters);
  g_autoptr(GTask) task = g_task_new (self, NULL, flushed_cb, tasks);
  FlushData *data = g_new0 (FlushData, 1);

  self->waiters = g_ptr_array_new ();
  self->flushing = TRUE;
  data->path = g_strdup (self->path);
  data->lines = g_steal_pointer (&self->pending);
  self->pending = g_string_new (NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) flush_data_free);
  g_task_set_source_tag (task, start_flush);
  g_task_run_in_thread (task, flush_thread);
}

/**
 * ferry_transfer_journal_flush_async:
 *
 * Writes every record made so far to disk and syncs it. Flushes run one at a time; records
 * made meanwhile go with the next one.
 */
void
ferry_transfer_journal_flush_async (FerryTransferJournal *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_TRANSFER_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_transfer_journal_flush_async);
  g_task_set_check_cancellable (task, FALSE);
  g_ptr_array_add (self->waiters, task);
  if (!self->flushing)
    start_flush (self);
}

gboolean
ferry_transfer_journal_flush_finish (FerryTransferJournal  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
