/* ferry-backup-media.c: media files: fetched while the posts are paged, streamed to disk
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Persistence reader: posts.jsonl and the media noted missing, as earlier runs wrote them.
 */

#define G_LOG_DOMAIN "ferry-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-backup-private.h"

/* Media */

void
ferry_backup_media_enqueue (FerryBackup *self,
               const char  *url,
               const char  *file)
{
  MediaItem *item;
  Runner *media = ferry_backup_find_runner (self, "media");

  if (self->flags & (FERRY_BACKUP_NO_MEDIA | FERRY_BACKUP_NO_POSTS) || media->ended ||
      !g_hash_table_add (self->media_known, g_strdup (file)))
    return;
  item = g_new0 (MediaItem, 1);
  item->url = g_strdup (url);
  item->file = g_strdup (file);
  g_queue_push_tail (&self->media_queue, item);
  ferry_backup_category_set_total (media->category, g_hash_table_size (self->media_known));
  ferry_backup_media_pump (self);
}

typedef struct
{
  FerryBackup *backup;
  MediaItem   *item;
} MediaDownload;

static void
media_download_free (MediaDownload *download)
{
  ferry_backup_media_item_free (download->item);
  g_free (download);
}

static void
media_missing (FerryBackup *self,
               MediaItem   *item,
               GError      *error)
{
  JsonObject *missing = json_object_new ();

  json_object_set_string_member (missing, "url", item->url);
  json_object_set_string_member (missing, "file", item->file);
  json_object_set_string_member (missing, "reason", error->message);
  json_object_set_boolean_member (missing, "gone",
                                  g_error_matches (error, FERRY_API_ERROR,
                                                   FERRY_API_ERROR_NOT_FOUND));
  json_array_add_object_element (self->media_missing, missing);
}

static void
media_one_done (FerryBackup *self)
{
  Runner *media = ferry_backup_find_runner (self, "media");

  self->media_in_flight--;
  ferry_backup_category_set_done (media->category,
                                  ferry_backup_category_get_done (media->category) + 1);
  ferry_backup_media_pump (self);
  ferry_backup_media_maybe_end (self);
}

/* The file went to disk as it came (a part file beside it, renamed when whole): no media
 * file is ever held in memory, however many are in flight. */
static void
media_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MediaDownload *download = user_data;
  FerryBackup *self = download->backup;
  g_autoptr(GError) error = NULL;
  goffset size = 0;

  if (!ferry_client_download_finish (FERRY_CLIENT (object), result, &size, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        media_missing (self, download->item, error);
    }
  else
    self->bytes += size;
  media_download_free (download);
  media_one_done (self);
}

static void
media_resumed (FerryJob *job,
               gpointer  user_data)
{
  FerryBackup *self = FERRY_BACKUP (job);

  self->media_parked = FALSE;
  if (ferry_job_is_cancelled (job))
    {
      g_queue_clear_full (&self->media_queue, (GDestroyNotify) ferry_backup_media_item_free);
      ferry_backup_media_maybe_end (self);
      return;
    }
  ferry_backup_media_pump (self);
}

void
ferry_backup_media_pump (FerryBackup *self)
{
  if (ferry_job_is_paused (FERRY_JOB (self)))
    {
      if (!self->media_parked && !g_queue_is_empty (&self->media_queue))
        {
          self->media_parked = TRUE;
          ferry_job_when_running (FERRY_JOB (self), media_resumed, NULL);
        }
      return;
    }
  while (self->media_in_flight < MEDIA_IN_FLIGHT && !g_queue_is_empty (&self->media_queue)
         && !g_cancellable_is_cancelled (ferry_backup_cancellable (self)))
    {
      MediaDownload *download = g_new0 (MediaDownload, 1);
      g_autofree char *path = NULL;
      g_autofree char *folder = NULL;

      download->backup = self;
      download->item = g_queue_pop_head (&self->media_queue);
      self->media_in_flight++;
      path = g_build_filename (self->dir_path, download->item->file, NULL);
      folder = g_path_get_dirname (path);
      /* The folder may be new (media/), or gone since the backup began. */
      g_mkdir_with_parents (folder, 0700);
      /* 0: the client's cap (100 MiB); the probe does not tell the instance's own limits. */
      ferry_client_download_async (self->client, download->item->url, path, 0,
                                   ferry_backup_cancellable (self), media_fetched_cb, download);
    }
}

/* persistence reader: the media the run noted as missing */
void
ferry_backup_media_maybe_end (FerryBackup *self)
{
  Runner *media = ferry_backup_find_runner (self, "media");
  Runner *posts = ferry_backup_find_runner (self, "posts");

  if (media->ended || self->media_in_flight > 0)
    return;
  if (g_cancellable_is_cancelled (ferry_backup_cancellable (self)))
    {
      ferry_backup_runner_end (media, FERRY_STEP_STATE_PENDING, NULL);
      return;
    }
  if (!posts->ended)
    return;
  if (ferry_backup_category_get_state (posts->category) != FERRY_STEP_STATE_DONE)
    {
      ferry_backup_runner_end (media,
                               ferry_backup_category_get_state (posts->category)
                                   == FERRY_STEP_STATE_SKIPPED
                                 ? FERRY_STEP_STATE_SKIPPED
                                 : FERRY_STEP_STATE_PENDING,
                               NULL);
      return;
    }
  if (!self->media_scanned || !g_queue_is_empty (&self->media_queue))
    return;
  {
    guint failed = 0;
    const char *reason = NULL;

    for (guint i = 0; i < json_array_get_length (self->media_missing); i++)
      {
        JsonObject *missing = ferry_backup_array_object (self->media_missing, i);

        if (!json_object_get_boolean_member_with_default (missing, "gone", FALSE))
          {
            failed++;
            reason = reason ? reason : ferry_backup_string_member (missing, "reason");
          }
      }
    if (failed > 0)
      {
        g_autofree char *detail =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file could not be downloaded (%s).",
                                        "%u files could not be downloaded (%s).", failed),
                           failed, reason);

        ferry_backup_runner_end (media, FERRY_STEP_STATE_FAILED, detail);
        return;
      }
  }
  ferry_backup_runner_end (media, FERRY_STEP_STATE_DONE, NULL);
}

/* After the posts: every attachment they name whose file is not on disk yet (after a resume,
 * or from an earlier backup). */
/* persistence reader: posts.jsonl, as an earlier run wrote it */
static void
media_scan_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable_)
{
  const char *dir = task_data;
  g_autofree char *path = g_build_filename (dir, "posts.jsonl", NULL);
  g_autofree char *text = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) ferry_backup_media_item_free);
  gsize length = 0;

  /* Only reading: downloads may be writing their part files (prepare_thread removed old ones). */
  if (g_file_get_contents (path, &text, &length, NULL))
    {
      char *next;

      for (char *line = text; line < text + length; line = next)
        {
          char *end = memchr (line, '\n', text + length - line);
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonArray *media;

          next = end ? end + 1 : text + length;
          if (end == NULL || !json_parser_load_from_data (parser, line, end - line, NULL) ||
              ferry_api_json_root_object (parser) == NULL)
            continue;
          media = ferry_backup_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                "media_attachments");
          for (guint i = 0; media && i < json_array_get_length (media); i++)
            {
              JsonObject *attachment = ferry_backup_array_object (media, i);
              const char *file = ferry_backup_string_member (attachment, "local_file");
              const char *url = ferry_backup_string_member (attachment, "url");
              g_autofree char *full = NULL;
              MediaItem *item;

              if (file == NULL || url == NULL)
                continue;
              full = g_build_filename (dir, file, NULL);
              item = g_new0 (MediaItem, 1);
              item->url = g_strdup (url);
              item->file = g_strdup (file);
              /* A file on disk is whole (written atomically): mark it so with no url. */
              if (g_file_test (full, G_FILE_TEST_EXISTS))
                g_clear_pointer (&item->url, g_free);
              g_ptr_array_add (found, item);
            }
        }
    }
  g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

static void
media_scan_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FerryBackup *self = FERRY_BACKUP (object);
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);
  Runner *media = ferry_backup_find_runner (self, "media");
  gint64 existing = 0;

  for (guint i = 0; found && i < found->len; i++)
    {
      MediaItem *item = g_ptr_array_index (found, i);

      if (item->url == NULL)
        {
          if (g_hash_table_add (self->media_known, g_strdup (item->file)))
            existing++;
        }
      else
        ferry_backup_media_enqueue (self, item->url, item->file);
    }
  ferry_backup_category_set_total (media->category, g_hash_table_size (self->media_known));
  ferry_backup_category_set_done (media->category,
                                  ferry_backup_category_get_done (media->category) + existing);
  self->media_scanned = TRUE;
  ferry_backup_media_pump (self);
  ferry_backup_media_maybe_end (self);
}

void
ferry_backup_media_scan (FerryBackup *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, media_scan_cb, NULL);

  if (self->flags & (FERRY_BACKUP_NO_MEDIA | FERRY_BACKUP_NO_POSTS))
    return;
  g_task_set_source_tag (task, ferry_backup_media_scan);
  g_task_set_task_data (task, g_strdup (self->dir_path), g_free);
  g_task_run_in_thread (task, media_scan_thread);
}


typedef struct
{
  char   *dir;
  char   *name;
  GBytes *bytes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->dir);
  g_free (data->name);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable_)
{
  SaveData *data = task_data;
  GError *error = NULL;
  gsize length;
  const char *contents = g_bytes_get_data (data->bytes, &length);

  if (!ferry_backup_write_file (data->dir, data->name, contents ? contents : "", length, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ferry_backup_save_async:
 * @name: relative to the backup folder
 *
 * Writes a downloaded file whole or not at all, in a worker thread.
 */
void
ferry_backup_save_async (FerryBackup         *self,
                         const char          *name,
                         GBytes              *bytes,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  SaveData *data = g_new0 (SaveData, 1);

  g_task_set_source_tag (task, ferry_backup_save_async);
  data->dir = g_strdup (self->dir_path);
  data->name = g_strdup (name);
  data->bytes = g_bytes_ref (bytes);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ferry_backup_save_finish (FerryBackup   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
