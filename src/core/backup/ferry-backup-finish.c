/* ferry-backup-finish.c: writing each category's files, then the notes and the manifest
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Persistence reader: each category's journal state.
 */

#define G_LOG_DOMAIN "ferry-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "ferry-api-error.h"
#include "ferry-backup-private.h"

/* Writing a category's files */

typedef struct
{
  char   *category;
  char   *staging_path;
  char   *dir;
  gint64  earlier_bytes;
  gint64  count;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->category);
  g_free (data->staging_path);
  g_free (data->dir);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable_)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (!ferry_backup_write_category (data->category, data->staging_path, data->dir,
                                    data->earlier_bytes, &data->count, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
done_committed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_backup_journal_commit_finish (FERRY_BACKUP_JOURNAL (object), result, &error))
    {
      ferry_backup_runner_fail (r, error);
      return;
    }
  ferry_backup_runner_step (r, ferry_backup_runner_write);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Runner *r = user_data;
  g_autoptr(GError) error = NULL;
  WriteData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      ferry_backup_runner_fail (r, error);
      return;
    }
  /* A test seam: the process dies between the rename and the journal's commit, the window
   * where a rerun once took the file it had just written for an earlier backup's. */
  if ((r->def->flags & POSTS) && g_strcmp0 (g_getenv ("FERRY_TEST_CRASH_AT"), "posts-renamed") == 0)
    _exit (FERRY_BACKUP_TEST_CRASH_STATUS);
  json_object_set_boolean_member (r->state, "done", TRUE);
  json_object_set_int_member (r->state, "count", data->count);
  ferry_backup_journal_commit_async (r->backup->journal, r->def->id, NULL, done_committed_cb, r);
}

/* persistence reader: the category's journal state */
void
ferry_backup_runner_write (Runner *r)
{
  FerryBackup *self = r->backup;
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  if (json_object_get_boolean_member_with_default (r->state, "done", FALSE) ||
      json_object_has_member (r->state, "skipped"))
    {
      gint64 count = json_object_get_int_member_with_default (r->state, "count", 0);

      if (json_object_has_member (r->state, "skipped"))
        {
          if (!json_object_get_boolean_member_with_default (r->state, "done", FALSE))
            {
              json_object_set_boolean_member (r->state, "done", TRUE);
              ferry_backup_journal_commit_async (self->journal, r->def->id, NULL, done_committed_cb,
                                                 r);
              return;
            }
          ferry_backup_runner_end (r, FERRY_STEP_STATE_SKIPPED,
                                   ferry_backup_string_member (r->state, "skipped"));
          return;
        }
      ferry_backup_category_set_total (r->category, count);
      ferry_backup_category_set_done (r->category, count);
      if (r->def->flags & POSTS)
        ferry_backup_media_scan (self);
      ferry_backup_runner_end (r, FERRY_STEP_STATE_DONE, NULL);
      return;
    }

  /* What posts.jsonl held before this backup wrote it, in the journal before it is written:
   * a rerun after a crash that came after the rename keeps only that of it. */
  if ((r->def->flags & POSTS) && !json_object_has_member (r->state, "earlier_bytes"))
    {
      json_object_set_int_member (r->state, "earlier_bytes", self->posts_earlier_bytes);
      ferry_backup_journal_commit_async (self->journal, r->def->id, NULL, done_committed_cb, r);
      return;
    }

  task = g_task_new (self, NULL, written_cb, r);
  g_task_set_source_tag (task, ferry_backup_runner_write);
  data = g_new0 (WriteData, 1);
  data->category = g_strdup (r->def->id);
  data->staging_path = ferry_backup_journal_get_staging_path (self->journal, r->def->id);
  data->dir = g_strdup (self->dir_path);
  data->earlier_bytes = json_object_get_int_member_with_default (r->state, "earlier_bytes", -1);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/* The end: notes, manifest, and the journal goes. */

typedef struct
{
  char       *dir;
  char      **notes_sources;
  JsonObject *manifest;
  gint64      notes;
  FerryBackupJournal *journal;
} FinishData;

static void
finish_data_free (FinishData *data)
{
  g_free (data->dir);
  g_strfreev (data->notes_sources);
  json_object_unref (data->manifest);
  g_object_unref (data->journal);
  g_free (data);
}

static void
finish_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable_)
{
  FinishData *data = task_data;
  GError *error = NULL;
  JsonObject *categories = ferry_backup_object_member (data->manifest, "categories");
  JsonObject *notes = json_object_new ();

  if (!ferry_backup_write_notes ((const char *const *) data->notes_sources, data->dir, &data->notes,
                                 &error))
    {
      json_object_unref (notes);
      g_task_return_error (task, error);
      return;
    }
  json_object_set_string_member (notes, "state", "done");
  json_object_set_int_member (notes, "count", data->notes);
  json_object_set_object_member (categories, "notes", notes);
  if (!ferry_backup_write_manifest (data->dir, data->manifest, &error) ||
      !ferry_backup_journal_remove (data->journal, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
finished_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerryBackup *self = FERRY_BACKUP (object);
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static const char *
state_name (FerryStepState state)
{
  switch (state)
    {
    case FERRY_STEP_STATE_DONE:
      return "done";
    case FERRY_STEP_STATE_SKIPPED:
      return "skipped";
    case FERRY_STEP_STATE_FAILED:
      return "failed";
    case FERRY_STEP_STATE_PENDING:
    case FERRY_STEP_STATE_RUNNING:
    default:
      return "unfinished";
    }
}

/* persistence reader: the journal's states */
static JsonObject *
build_manifest (FerryBackup *self)
{
  JsonObject *manifest = json_object_new ();
  JsonObject *server = json_object_new ();
  JsonObject *account = json_object_new ();
  JsonObject *options = json_object_new ();
  JsonObject *categories = json_object_new ();
  JsonArray *notes = json_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *generator = g_strdup_printf ("Ferry %s", PACKAGE_VERSION);
  g_autofree char *handle = ferry_handle_to_string (ferry_account_get_handle (self->account));

  json_object_set_int_member (manifest, "format", FERRY_BACKUP_FORMAT);
  json_object_set_string_member (manifest, "generator", generator);
  json_object_set_string_member (manifest, "created", created);

  json_object_set_string_member (server, "url", ferry_client_get_base_url (self->client));
  json_object_set_string_member (server, "host", ferry_client_get_host (self->client));
  if (self->info != NULL)
    {
      json_object_set_string_member (server, "software",
                                     ferry_server_info_get_software (self->info));
      json_object_set_string_member (server, "version", ferry_server_info_get_version (self->info));
    }
  json_object_set_object_member (manifest, "server", server);

  json_object_set_string_member (account, "handle", handle);
  json_object_set_string_member (account, "id", ferry_account_get_id (self->account));
  json_object_set_string_member (account, "url", ferry_account_get_url (self->account));
  json_object_set_int_member (account, "following_count",
                              ferry_account_get_following (self->account));
  json_object_set_int_member (account, "followers_count",
                              ferry_account_get_followers (self->account));
  json_object_set_int_member (account, "statuses_count",
                              ferry_account_get_statuses (self->account));
  json_object_set_object_member (manifest, "account", account);

  json_object_set_boolean_member (options, "posts", !(self->flags & FERRY_BACKUP_NO_POSTS));
  json_object_set_boolean_member (options, "media",
                                  !(self->flags & (FERRY_BACKUP_NO_POSTS | FERRY_BACKUP_NO_MEDIA)));
  json_object_set_object_member (manifest, "options", options);

  for (guint i = 0; i < FERRY_BACKUP_N_CATEGORIES; i++)
    {
      Runner *r = &self->runners[i];
      JsonObject *entry = json_object_new ();
      FerryStepState state = ferry_backup_category_get_state (r->category);

      json_object_set_string_member (entry, "state", state_name (state));
      json_object_set_int_member (entry, "count", ferry_backup_category_get_done (r->category));
      if (ferry_backup_category_get_detail (r->category) != NULL)
        json_object_set_string_member (entry, "reason",
                                       ferry_backup_category_get_detail (r->category));
      /* "hidden": the server's API never shows them (0 is not "none"); "missing": it has no
       * way to read them. */
      if (r->state != NULL && ferry_backup_string_member (r->state, "api") != NULL)
        json_object_set_string_member (entry, "api", ferry_backup_string_member (r->state, "api"));
      json_object_set_object_member (categories, r->def->id, entry);
    }
  json_object_set_object_member (manifest, "categories", categories);
  /* The avatar and the header: which file, or why there is none. */
  {
    JsonObject *pictures = ferry_backup_object_member (self->runners[0].state, "pictures");

    if (pictures != NULL)
      {
        g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

        json_node_set_object (node, pictures);
        json_object_set_member (manifest, "pictures", ferry_backup_deep_copy (node));
      }
  }

  /* What no client can do through the API, said where the person will look. */
  json_array_add_string_element (notes, _("Blocked accounts that the server has suspended are not "
                                          "listed by the API; Mastodon’s own export of blocks "
                                          "includes them."));
  json_array_add_string_element (notes, _("Outgoing follow requests that are still waiting are not "
                                          "listed by the API, nor by Mastodon’s own export."));
  if (self->posts_since != NULL)
    json_array_add_string_element (notes,
                                   _("Posts were added to an earlier backup: edits made since "
                                     "then to posts it already had are not in it."));
  json_object_set_array_member (manifest, "notes", notes);
  json_object_set_array_member (manifest, "missing_media", json_array_ref (self->media_missing));
  return manifest;
}

void
ferry_backup_finish_all (FerryBackup *self)
{
  g_autoptr(GTask) finish = NULL;
  g_autoptr(GString) failed = g_string_new (NULL);
  FinishData *data;
  static const char *note_sources[] = { "following", "blocks", "mutes" };

  if (self->task == NULL)
    return;
  if (g_task_return_error_if_cancelled (self->task))
    {
      g_clear_object (&self->task);
      return;
    }
  for (guint i = 0; i < FERRY_BACKUP_N_CATEGORIES; i++)
    {
      FerryBackupCategory *category = self->runners[i].category;

      if (ferry_backup_category_get_state (category) == FERRY_STEP_STATE_FAILED)
        g_string_append_printf (failed, "\n%s: %s", ferry_backup_category_get_title (category),
                                ferry_backup_category_get_detail (category));
    }
  if (failed->len > 0)
    {
      GTask *task = g_steal_pointer (&self->task);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s%s",
                               _("Some of the account could not be saved. What was saved is kept: "
                                 "back up again into the same folder to finish."), failed->str);
      g_object_unref (task);
      return;
    }

  data = g_new0 (FinishData, 1);
  data->dir = g_strdup (self->dir_path);
  data->notes_sources = g_new0 (char *, G_N_ELEMENTS (note_sources) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (note_sources); i++)
    data->notes_sources[i] = ferry_backup_journal_get_staging_path (self->journal, note_sources[i]);
  data->manifest = build_manifest (self);
  data->journal = g_object_ref (self->journal);
  finish = g_task_new (self, NULL, finished_cb, NULL);
  g_task_set_source_tag (finish, ferry_backup_finish_all);
  g_task_set_task_data (finish, data, (GDestroyNotify) finish_data_free);
  g_task_run_in_thread (finish, finish_thread);
}

