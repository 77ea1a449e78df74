/* ferry-test-transfer-util.c: the two servers, the backup and the transfer that the transfer
 * tests share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-backup.h"
#include "ferry-test-transfer-util.h"
#include "ferry-test-util.h"
#include "ferry-tls-database.h"

/* The kind and title of the @i-th import file; the model keeps them alive. */
const char *
import_kind (GListModel *files,
             guint       i)
{
  g_autoptr(FerryImportFile) file = g_list_model_get_item (files, i);

  return ferry_import_file_get_kind (file);
}

const char *
import_title (GListModel *files,
              guint       i)
{
  g_autoptr(FerryImportFile) file = g_list_model_get_item (files, i);

  return ferry_import_file_get_title (file);
}

void
on_waiting (FerryClient *client,
            gint64       seconds,
            Fixture     *f)
{
  gint64 wake = ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (client)) + seconds;

  if (wake > fedisim_world_now (f->world))
    fedisim_world_set_time (f->world, wake);
}

FerryClient *
new_client (Fixture       *f,
            FedisimServer *server,
            const char    *user)
{
  g_autofree char *token = fedisim_server_issue_token (server, user, "read write follow");
  FerryClient *client = ferry_client_new (fedisim_server_get_base_url (server), f->trust);

  ferry_client_set_token (client, token);
  ferry_client_set_time_scale (client, 100000.0);
  g_signal_connect (client, "waiting", G_CALLBACK (on_waiting), f);
  return client;
}

/* Two servers; alice on the old one with @fixture, backed up (without posts); bob on the new. */
void
setup (Fixture        *f,
       FedisimFlavour  old_flavour,
       const char     *old_version,
       const char     *fixture,
       FedisimFlavour  new_flavour,
       const char     *new_version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryClient) old_client = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(FerryBackup) backup = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  f->world = fedisim_world_new (&error);
  g_assert_no_error (error);
  f->old_server = fedisim_world_add_server (f->world, old_flavour, old_version, &error);
  g_assert_no_error (error);
  f->new_server = fedisim_world_add_server (f->world, new_flavour, new_version, &error);
  g_assert_no_error (error);
  fedisim_server_add_user (f->old_server, "alice", "pw");
  fedisim_server_add_user (f->new_server, "bob", "pw");
  fedisim_server_seed_fixture (f->old_server, "alice", fixture);
  f->trust = ferry_tls_database_new (fedisim_world_get_ca_file (f->world), &error);
  g_assert_no_error (error);
  f->tmpdir = g_dir_make_tmp ("ferry-transfer-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->backup = g_build_filename (f->tmpdir, "backup", NULL);

  old_client = new_client (f, f->old_server, "alice");
  dir = g_file_new_for_path (f->backup);
  backup = ferry_backup_new (old_client, dir, FERRY_BACKUP_NO_POSTS);
  ferry_job_run_async (FERRY_JOB (backup), NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_job_run_finish (FERRY_JOB (backup), ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  f->new_client = new_client (f, f->new_server, "bob");
  fedisim_server_reset_counts (f->new_server);
}

void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->new_client);
  g_clear_object (&f->trust);
  g_clear_pointer (&f->world, fedisim_world_free);
  if (f->tmpdir != NULL)
    ferry_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->backup);
}

FerryTransfer *
new_transfer (Fixture             *f,
              FerryTransferMethod  method)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->backup);
  FerryTransfer *transfer = ferry_transfer_new (f->new_client, dir);

  ferry_transfer_set_method (transfer, method);
  return transfer;
}

/* Runs a transfer to its end (or until the new server has answered @stop_after more
 * requests, then cancels: a stop at any point, answers in flight included). */
gboolean
run (Fixture             *f,
     FerryTransfer       *transfer,
     guint                stop_after,
     GError             **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  guint start = fedisim_server_answer_count (f->new_server);

  ferry_job_run_async (FERRY_JOB (transfer), cancellable, ferry_test_got_result, &result);
  while (result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (stop_after > 0 && !g_cancellable_is_cancelled (cancellable) &&
          fedisim_server_answer_count (f->new_server) >= start + stop_after)
        g_cancellable_cancel (cancellable);
    }
  return ferry_job_run_finish (FERRY_JOB (transfer), result, error);
}

JsonObject *
verify (Fixture       *f,
        FerryTransfer *transfer)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  ferry_transfer_verify_async (transfer, NULL, ferry_test_got_result, &result);
  g_assert_true (ferry_transfer_verify_finish (transfer, ferry_test_wait_for (&result), &error));
  g_assert_no_error (error);
  json = ferry_transfer_get_report_json (transfer);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Every category: what is there and what is missing add up; nothing is missing without a
 * reason the person can act on. Returns how many are missing. */
guint
assert_explained (JsonObject *report)
{
  static const char *reasons[] = { "unreachable", "gone", "suspended", "unsupported", "locked", "refused",
                                   "expired", "moved", "limit", "pending", "waiting", "expiry", NULL };
  JsonArray *categories = json_object_get_array_member (report, "categories");
  guint missing_all = 0;

  g_assert_cmpuint (json_array_get_length (categories), >, 0);
  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *entry = json_array_get_object_element (categories, i);
      JsonArray *missing = json_object_get_array_member (entry, "missing");

      g_assert_cmpint (json_object_get_int_member (entry, "present") + json_array_get_length (missing), ==,
                       json_object_get_int_member (entry, "expected"));
      for (guint j = 0; j < json_array_get_length (missing); j++)
        {
          JsonObject *row = json_array_get_object_element (missing, j);
          const char *code = json_object_get_string_member (row, "code");

          if (!g_strv_contains (reasons, code))
            g_error ("%s: %s is missing without a reason (%s: %s)", json_object_get_string_member (entry, "id"),
                     json_object_get_string_member (row, "item"), code,
                     json_object_get_string_member (row, "reason"));
        }
      missing_all += json_array_get_length (missing);
    }
  return missing_all;
}

gint64
expected_of (JsonObject *report,
             const char *id)
{
  JsonArray *categories = json_object_get_array_member (report, "categories");

  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *entry = json_array_get_object_element (categories, i);

      if (g_str_equal (json_object_get_string_member (entry, "id"), id))
        return json_object_get_int_member (entry, "present");
    }
  return -1;
}
