/* ferry-transfer-verify.c: the proof: the backup against what the new account holds, item
 * by item, with the reason for everything missing; and Mastodon's import files
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Persistence reader: the verify report Ferry writes and reads back.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-csv.h"
#include "ferry-transfer-private.h"
#include "ferry-private-file.h"

static char *
item_label (Item *item)
{
  if (item->op == OP_LIST_MEMBER)
    return g_strdup_printf ("%s: %s", item->list, item->target);
  if (item->op == OP_PROFILE)
    return g_strdup (_("Profile"));
  return g_strdup (item->target);
}

/* Whether @item is on the new account, as far as anything can tell. */
static gboolean
present (FerryTransfer *self,
         Snapshot      *snapshot,
         Item          *item)
{
  if (item->op == OP_PROFILE || item->op == OP_NOTE)
    return item->state == ITEM_DONE;
  return ferry_transfer_snapshot_has (self, snapshot, item);
}

/**
 * ferry_transfer_build_report:
 *
 * Compares; an item the journal calls done that the account does not hold becomes failed
 * and retryable (the next run checks and sends it again).
 */
JsonObject *
ferry_transfer_build_report (FerryTransfer *self,
                             Snapshot      *snapshot)
{
  JsonObject *report = json_object_new ();
  JsonArray *categories = json_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *checked = g_date_time_format_iso8601 (now);
  guint all_missing = 0, retryable = 0;

  for (Cat cat = 0; cat < N_CATS; cat++)
    {
      JsonObject *entry;
      JsonArray *missing;
      guint expected = 0, there = 0;

      for (guint i = 0; i < self->items->len; i++)
        expected += ((Item *) g_ptr_array_index (self->items, i))->cat == cat &&
                    ((Item *) g_ptr_array_index (self->items, i))->op != OP_IMPORT;
      if (expected == 0)
        continue;

      entry = json_object_new ();
      missing = json_array_new ();
      for (guint i = 0; i < self->items->len; i++)
        {
          Item *item = g_ptr_array_index (self->items, i);
          JsonObject *row;
          g_autofree char *label = NULL;
          const char *reason = item->reason;
          const char *code = item->code;
          gboolean retry = item->retry;

          if (item->cat != cat || item->op == OP_IMPORT)
            continue;
          if (item->state == ITEM_DONE
              && ferry_transfer_snapshot_lost_expiry (self, snapshot, item))
            {
              /* There, but for ever: its end is lost. The next run mutes it again with it. */
              g_autofree char *why =
                g_strdup_printf (_("Muted for ever: the mute until %s lost its end"),
                                 ferry_transfer_string_member (item->data, "expires_at"));

              ferry_transfer_item_end (self, item, ITEM_FAILED, "expiry", why, TRUE);
              reason = item->reason;
              code = item->code;
              retry = item->retry;
            }
          else if (present (self, snapshot, item))
            {
              there++;
              continue;
            }
          if (item->state == ITEM_DONE && g_strcmp0 (item->code, "locked") == 0)
            {
              reason = _("The account is locked: the follow request waits for its approval");
              retry = FALSE;
            }
          else if (item->state == ITEM_DONE && g_strcmp0 (item->code, "pending") == 0)
            {
              /* Not missing: on its way. */
              reason = _("Waiting for the other server to accept the follow");
              retry = FALSE;
            }
          else if (item->state == ITEM_DONE || item->state == ITEM_PENDING
                   || item->state == ITEM_ACTIVE)
            {
              /* Sent, or never got to: not there now. Worth going again. */
              if (item->state == ITEM_DONE)
                {
                  ferry_transfer_item_end (self, item, ITEM_FAILED, "missing",
                                           _("Not on the new account"), TRUE);
                  item->uncertain = TRUE;
                }
              reason = item->reason ? item->reason : _("Not on the new account yet");
              code = item->code ? item->code : "missing";
              retry = TRUE;
            }
          row = json_object_new ();
          label = item_label (item);
          json_object_set_string_member (row, "item", label);
          json_object_set_string_member (row, "reason",
                                         reason ? reason : _("Not on the new account"));
          json_object_set_string_member (row, "code", code ? code : "missing");
          json_object_set_boolean_member (row, "retry", retry);
          json_array_add_object_element (missing, row);
          all_missing++;
          retryable += retry;
        }
      json_object_set_string_member (entry, "id", ferry_transfer_cat_id (cat));
      json_object_set_string_member (entry, "title", ferry_transfer_cat_title (cat));
      json_object_set_int_member (entry, "expected", expected);
      json_object_set_int_member (entry, "present", there);
      json_object_set_array_member (entry, "missing", missing);
      json_array_add_object_element (categories, entry);
    }

  json_object_set_string_member (report, "account",
                                 ferry_account_get_acct (self->me) ?: "");
  json_object_set_string_member (report, "server", ferry_client_get_host (self->client));
  json_object_set_string_member (report, "checked", checked);
  json_object_set_int_member (report, "missing", all_missing);
  json_object_set_int_member (report, "retryable", retryable);
  json_object_set_boolean_member (report, "complete", all_missing == 0);
  json_object_set_array_member (report, "categories", categories);
  return report;
}

static void
verify_flushed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!ferry_transfer_journal_flush_finish (FERRY_TRANSFER_JOURNAL (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Kept beside the journal, for the move's checks to read: was the transfer complete? */
static void
save_report (FerryTransfer *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ferry_transfer_get_report_json (self);

  if (self->report_path != NULL && !ferry_private_file_write (self->report_path, text, -1, &error))
    g_warning ("Could not keep the transfer report: %s", error->message);
}

static void
verify_scanned_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  FerryTransfer *self = g_task_get_source_object (task);
  GError *error = NULL;
  Snapshot *snapshot = ferry_transfer_scan_finish (self, result, &error);

  if (snapshot == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_clear_pointer (&self->report, json_object_unref);
  self->report = ferry_transfer_build_report (self, snapshot);
  ferry_transfer_snapshot_free (snapshot);
  save_report (self);
  ferry_transfer_progress_now (self);
  ferry_transfer_journal_flush_async (self->journal, NULL, verify_flushed_cb, task);
}

static void
end_scanned_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FerryTransfer) self = user_data;
  g_autoptr(GError) error = NULL;
  Snapshot *snapshot = ferry_transfer_scan_finish (self, result, &error);

  self->sleeping = FALSE;
  if (snapshot == NULL)
    {
      ferry_transfer_stop (self, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&self->report, json_object_unref);
  self->report = ferry_transfer_build_report (self, snapshot);
  ferry_transfer_snapshot_free (snapshot);
  save_report (self);
  ferry_transfer_pump_later (self);
}

/**
 * ferry_transfer_report_at_end:
 *
 * A run that is over looks once more at what the account holds, after the server's work has
 * settled, and keeps the report, so that "done" and the move's checks say the same.
 */
void
ferry_transfer_report_at_end (FerryTransfer *self)
{
  self->sleeping = TRUE;
  ferry_transfer_scan_async (self, ferry_transfer_cancellable (self), end_scanned_cb,
                             g_object_ref (self));
}

static void
verify_prepared_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  FerryTransfer *self = FERRY_TRANSFER (object);
  GError *error = NULL;

  if (!ferry_transfer_prepare_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  ferry_transfer_scan_async (self, g_task_get_cancellable (task), verify_scanned_cb, task);
}

/**
 * ferry_transfer_verify_async:
 *
 * Reads back what the new account holds and compares it with the backup; then
 * ferry_transfer_get_report_json(), ferry_transfer_get_missing() and the categories (done
 * is what is there) tell the result. Not while running.
 */
void
ferry_transfer_verify_async (FerryTransfer       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_TRANSFER (self));
  g_return_if_fail (!ferry_job_is_active (FERRY_JOB (self)));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_transfer_verify_async);
  ferry_transfer_prepare_async (self, cancellable, verify_prepared_cb, task);
}

gboolean
ferry_transfer_verify_finish (FerryTransfer  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The last verify's report as JSON (pretty), or %NULL before one. */
char *
ferry_transfer_get_report_json (FerryTransfer *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (FERRY_IS_TRANSFER (self), NULL);

  if (self->report == NULL)
    return NULL;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, self->report);
  return json_to_string (node, TRUE);
}

static JsonArray *
missing_of (FerryTransfer *self,
            const char    *category)
{
  JsonArray *categories;

  if (self->report == NULL)
    return NULL;
  categories = json_object_get_array_member (self->report, "categories");
  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *entry = json_array_get_object_element (categories, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "id"), category) == 0)
        return json_object_get_array_member (entry, "missing");
    }
  return NULL;
}

/**
 * ferry_transfer_get_missing:
 *
 * Returns: (transfer full): after a verify, each missing item of @category with its reason
 *   ("item — reason"), for showing
 */
GStrv
ferry_transfer_get_missing (FerryTransfer *self,
                            const char    *category)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *missing;

  g_return_val_if_fail (FERRY_IS_TRANSFER (self), NULL);

  missing = missing_of (self, category);
  for (guint i = 0; missing && i < json_array_get_length (missing); i++)
    {
      JsonObject *row = json_array_get_object_element (missing, i);
      g_autofree char *line =
        g_strdup_printf ("%s — %s", json_object_get_string_member (row, "item"),
                         json_object_get_string_member (row, "reason"));

      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

guint
ferry_transfer_get_n_missing (FerryTransfer *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), 0);

  return self->report ? (guint) json_object_get_int_member (self->report, "missing") : 0;
}

guint
ferry_transfer_get_n_retryable (FerryTransfer *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER (self), 0);

  return self->report ? (guint) json_object_get_int_member (self->report, "retryable") : 0;
}

/* What is missing, as CSV (category, item, reason, code): for a person or a spreadsheet. */
gboolean
ferry_transfer_export_missing (FerryTransfer  *self,
                               const char     *path,
                               GError        **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  JsonArray *categories;

  g_return_val_if_fail (FERRY_IS_TRANSFER (self), FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

  ferry_csv_append_row (csv, (const char *[]) { "Category", "Item", "Reason", "Code" }, 4);
  categories = json_object_get_array_member (self->report, "categories");
  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *entry = json_array_get_object_element (categories, i);
      JsonArray *missing = json_object_get_array_member (entry, "missing");

      for (guint j = 0; j < json_array_get_length (missing); j++)
        {
          JsonObject *row = json_array_get_object_element (missing, j);

          ferry_csv_append_row (csv, (const char *[]) {
            json_object_get_string_member (entry, "id"),
            json_object_get_string_member (row, "item"),
            json_object_get_string_member (row, "reason"),
            json_object_get_string_member (row, "code") }, 4);
        }
    }
  return ferry_private_file_write (path, csv->str, (gssize) csv->len, error);
}

/* Mastodon's CSV import */

typedef struct
{
  GPtrArray *items;   /* a reference: read only while the thread runs */
  char      *folder;
  GStrv      types;   /* what the server's import takes; NULL: Mastodon's, all of them */
  gboolean   gotosocial;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_ptr_array_unref (data->items);
  g_strfreev (data->types);
  g_free (data->folder);
  g_free (data);
}

static void
imports_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GListStore) written = g_list_store_new (FERRY_TYPE_IMPORT_FILE);
  GError *error = NULL;

  if (!ferry_transfer_write_import_files (data->items, data->folder,
                                          (const char * const *) data->types, data->gotosocial,
                                          written, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&written), g_object_unref);
}

static void
imports_prepared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  FerryTransfer *self = FERRY_TRANSFER (object);
  GError *error = NULL;
  ImportData *data;
  g_autofree char *name = NULL;

  if (!ferry_transfer_prepare_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  name = g_strdup_printf ("import-to-%s", ferry_client_get_host (self->client));
  g_strdelimit (name, "/\\:", '_');
  data = g_new0 (ImportData, 1);
  data->items = g_ptr_array_ref (self->items);
  data->folder = g_build_filename (self->dir_path, name, NULL);
  data->gotosocial = ferry_transfer_is_gotosocial (self);
  if (data->gotosocial)
    {
      /* GoToSocial's page imports following, blocks, and mutes from 0.19
       * (web/source/settings/views/user/export-import/import.tsx; api-facts §8). */
      g_autoptr(GStrvBuilder) types = g_strv_builder_new ();

      g_strv_builder_add_many (types, "following", "blocking", NULL);
      if (ferry_transfer_version_at_least (self, 0, 19))
        g_strv_builder_add (types, "muting");
      data->types = g_strv_builder_end (types);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, imports_thread);
  g_object_unref (task);
}

/**
 * ferry_transfer_write_imports_async:
 *
 * Writes Mastodon's import files for what is not yet on the new account (follows, lists,
 * blocks, mutes, blocked domains, bookmarks), into the backup folder's "import-to-HOST".
 * They go in at ferry_transfer_get_import_url(), one by one, each with its type, in merge
 * mode; a run afterwards checks the result and does the rest through the API.
 */
void
ferry_transfer_write_imports_async (FerryTransfer       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (FERRY_IS_TRANSFER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_transfer_write_imports_async);
  ferry_transfer_prepare_async (self, cancellable, imports_prepared_cb, task);
}

/**
 * ferry_transfer_write_imports_finish:
 *
 * Returns: (transfer full): a #FerryImportFile for each file, in the order to import them
 *   (follows first: lists need them), or %NULL with @error
 */
GListModel *
ferry_transfer_write_imports_finish (FerryTransfer  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
