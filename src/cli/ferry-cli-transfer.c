/* ferry-cli-transfer.c: ferry-cli transfer and verify
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ferry-backup-category.h"
#include "ferry-cli-private.h"
#include "ferry-cli-output.h"
#include "ferry-transfer.h"

typedef struct
{
  FerryTransfer *transfer;
  gboolean       terminal;
  gint64         last_print;
} Progress;

static void
print_progress (Progress *progress,
                gboolean  force)
{
  gint64 now = g_get_monotonic_time ();

  if (!progress->terminal || (!force && now - progress->last_print < G_USEC_PER_SEC / 4))
    return;
  progress->last_print = now;
  ferry_cli_clear_line ();
  g_print ("%3.0f %%", ferry_job_get_fraction (FERRY_JOB (progress->transfer)) * 100);
}

static void
on_fraction (GObject    *object,
             GParamSpec *pspec,
             Progress   *progress)
{
  print_progress (progress, FALSE);
}

/* What the run waits for (the server's import, other servers' Accepts): one line each time
 * it changes, so that a wait is never silent. */
static void
on_status (GObject    *object,
           GParamSpec *pspec,
           Progress   *progress)
{
  const char *status = ferry_job_get_status (FERRY_JOB (progress->transfer));

  if (status == NULL)
    return;
  if (progress->terminal)
    g_print ("\r\033[K");
  g_print ("%s…\n", status);
  fflush (stdout);
}

/* The job's state: the percentage as it is now, whatever the throttle held back. */
static void
on_state (GObject    *object,
          GParamSpec *pspec,
          Progress   *progress)
{
  print_progress (progress, TRUE);
}

static void
print_category (FerryBackupCategory *category)
{
  g_autofree char *done =
    g_strdup_printf ("%" G_GINT64_FORMAT, ferry_backup_category_get_done (category));
  g_autofree char *total =
    g_strdup_printf ("%" G_GINT64_FORMAT, ferry_backup_category_get_total (category));
  const char *detail = ferry_backup_category_get_detail (category);

  if (ferry_backup_category_get_total (category) == 0)
    return;
  /* Translators: "Follows: 980 of 1000 done" */
  g_print (_("%s: %s of %s done"), ferry_backup_category_get_title (category), done, total);
  if (detail != NULL && detail[0] != '\0')
    g_print (" (%s)", ferry_cli_safe (detail));
  g_print ("\n");
}

static FerryTransfer *
open_transfer (const char          *backup,
               FerryAccountManager **manager_out,
               GError              **error)
{
  g_autoptr(FerryAccountManager) manager = ferry_cli_refreshed_account_manager (error);
  g_autoptr(GFile) dir = NULL;
  FerryClient *client;

  if (manager == NULL)
    return NULL;
  client = ferry_account_manager_get_client (manager, FERRY_ROLE_NEW);
  if (client == NULL
      || ferry_account_manager_get_state (manager, FERRY_ROLE_NEW) != FERRY_ACCOUNT_SIGNED_IN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the new account is not signed in (%s). Sign in first: ferry-cli login "
                     "SERVER --role new"),
                   ferry_cli_state_text (
                     ferry_account_manager_get_state (manager, FERRY_ROLE_NEW)));
      return NULL;
    }
  dir = g_file_new_for_commandline_arg (backup);
  *manager_out = g_steal_pointer (&manager);
  return ferry_transfer_new (client, dir);
}

static gboolean
parse_method (const char          *text,
              FerryTransferMethod *method)
{
  if (text == NULL || g_str_equal (text, "auto"))
    *method = FERRY_TRANSFER_METHOD_AUTO;
  else if (g_str_equal (text, "api"))
    *method = FERRY_TRANSFER_METHOD_API;
  else if (g_str_equal (text, "csv"))
    *method = FERRY_TRANSFER_METHOD_CSV;
  else
    return FALSE;
  return TRUE;
}

static int
hand_off_imports (FerryTransfer *transfer,
                  const char    *backup)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = NULL;

  ferry_transfer_write_imports_async (transfer, NULL, ferry_cli_got_result, &result);
  files = ferry_transfer_write_imports_finish (transfer, ferry_cli_wait_for (&result), &error);
  if (files == NULL)
    return ferry_cli_fail (error);
  if (g_list_model_get_n_items (files) == 0)
    {
      g_print (_("Nothing is left for an import: run “ferry-cli transfer --backup %s” for the "
                 "rest.\n"),
               backup);
      return 0;
    }
  {
    g_autofree char *page = ferry_transfer_describe_import_page (transfer);

    g_print ("%s\n", ferry_cli_safe_lines (page));
  }
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(FerryImportFile) file = g_list_model_get_item (files, i);

      g_print ("  %u. %s: %s\n", i + 1, ferry_import_file_get_title (file),
               ferry_cli_safe (ferry_import_file_get_path (file)));
    }
  g_print (_("When the imports are done, Ferry checks them and does the rest:\n"
             "  ferry-cli transfer --backup %s --method csv --imported\n"), backup);
  if (g_getenv ("FERRY_NO_BROWSER") == NULL)
    g_app_info_launch_default_for_uri (ferry_transfer_get_import_url (transfer), NULL, NULL);
  return 0;
}

int
ferry_cli_command_transfer (int    argc,
                            char **argv)
{
  g_autofree char *backup = NULL;
  g_autofree char *only = NULL;
  g_autofree char *method_text = NULL;
  gboolean imported = FALSE;
  gboolean wait = FALSE;
  GOptionEntry entries[] = {
    { "backup", 'b', 0, G_OPTION_ARG_FILENAME, &backup, N_("The backup folder of the old account"),
      N_("DIR") },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      N_("Only these categories, separated by commas (following, lists, blocks, mutes, "
         "domain_blocks, bookmarks, followed_tags, featured_tags, filters, notes, endorsements, "
         "profile)"),
      N_("CATEGORIES") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method_text,
      N_("auto (the server’s import where it has one), api, or csv (Mastodon’s import page)"),
      N_("METHOD") },
    { "imported", 0, 0, G_OPTION_ARG_NONE, &imported,
      N_("The CSV files are imported: check them and do the rest"), NULL },
    { "wait", 0, 0, G_OPTION_ARG_NONE, &wait,
      N_("When today’s follows are spent, wait for tomorrow’s instead of stopping"), NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("— re-create a backup on the new account"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(GStrv) warnings = NULL;
  g_auto(GStrv) only_list = NULL;
  g_autofree char *plan = NULL;
  FerryTransferMethod method;
  Progress progress = { 0 };
  GListModel *categories;
  guint sigint, sigterm;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (backup == NULL || argc != 1 || !parse_method (method_text, &method))
    {
      g_printerr (_("ferry-cli: transfer needs a backup folder, as in “ferry-cli transfer "
                    "--backup ~/ferry-backup”; "
                    "--method is auto, api or csv.\n"));
      return 2;
    }
  if (only != NULL)
    {
      /* Before anything else: an unknown name would silently transfer nothing of it. */
      only_list = g_strsplit (only, ",", -1);
      for (guint i = 0; only_list[i]; i++)
        g_strstrip (only_list[i]);
      if (!ferry_transfer_check_categories ((const char * const *) only_list, &error))
        {
          g_printerr ("ferry-cli: %s\n", error->message);
          return 2;
        }
    }
  if ((transfer = open_transfer (backup, &manager, &error)) == NULL)
    return ferry_cli_fail (error);
  if (only_list != NULL)
    ferry_transfer_set_only (transfer, (const char * const *) only_list);
  ferry_transfer_set_method (transfer, method);
  ferry_transfer_set_wait_for_days (transfer, wait);

  ferry_transfer_prepare_async (transfer, cancellable, ferry_cli_got_result, &result);
  if (!ferry_transfer_prepare_finish (transfer, ferry_cli_wait_for (&result), &error))
    return ferry_cli_fail (error);
  g_clear_object (&result);
  warnings = ferry_transfer_get_warnings (transfer);
  for (guint i = 0; warnings[i]; i++)
    g_print (_("Note: %s\n"), ferry_cli_safe (warnings[i]));
  plan = ferry_transfer_describe_plan (transfer);
  g_print ("%s\n", ferry_cli_safe_lines (plan));

  if (method == FERRY_TRANSFER_METHOD_CSV && !imported)
    return hand_off_imports (transfer, backup);

  progress.transfer = transfer;
  progress.terminal = isatty (STDOUT_FILENO);
  g_signal_connect (transfer, "notify::fraction", G_CALLBACK (on_fraction), &progress);
  g_signal_connect (transfer, "notify::status", G_CALLBACK (on_status), &progress);
  g_signal_connect (transfer, "notify::state", G_CALLBACK (on_state), &progress);
  sigint = g_unix_signal_add (SIGINT, ferry_cli_interrupted, cancellable);
  sigterm = g_unix_signal_add (SIGTERM, ferry_cli_interrupted, cancellable);
  ferry_job_run_async (FERRY_JOB (transfer), cancellable, ferry_cli_got_result, &result);
  ok = ferry_job_run_finish (FERRY_JOB (transfer), ferry_cli_wait_for (&result), &error);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_signal_handlers_disconnect_by_data (transfer, &progress);
  if (progress.terminal)
    ferry_cli_clear_line ();

  categories = ferry_transfer_get_categories (transfer);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(FerryBackupCategory) category = g_list_model_get_item (categories, i);

      print_category (category);
    }
  {
    /* What the run found out on the way (a picture the server refused). */
    g_auto(GStrv) later = ferry_transfer_get_warnings (transfer);

    for (guint i = g_strv_length (warnings); later[i]; i++)
      g_print (_("Note: %s\n"), later[i]);
  }
  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_printerr (_("Stopped. Nothing is lost: run the same command again to go on.\n"));
          return 130;
        }
      g_printerr (_("Stopped: %s\nNothing is lost: run the same command again to go on.\n"),
                  ferry_cli_safe (error->message));
      return 1;
    }
  if (ferry_transfer_get_next_batch (transfer) > 0)
    {
      g_autoptr(GDateTime) when =
        g_date_time_new_from_unix_utc (ferry_transfer_get_next_batch (transfer));
      g_autofree char *time = g_date_time_format (when, "%Y-%m-%d %H:%M UTC");

      g_print (_("Today’s %u follows are spent. The next go on at %s: run the same command again "
                 "then, "
                 "or add --wait to leave it running.\n"),
               ferry_transfer_get_follows_per_day (transfer), time);
      return 0;
    }
  if (ferry_transfer_get_n_awaiting_accept (transfer) > 0)
    {
      guint n = ferry_transfer_get_n_awaiting_accept (transfer);

      g_print (ngettext ("The transfer is done, but %u follow still waits for the other server to "
                         "accept it. Check later, item by item: ferry-cli verify --backup %s\n",
                         "The transfer is done, but %u follows still wait for the other servers to "
                         "accept them. Check later, item by item: ferry-cli verify --backup %s\n",
                         n),
               n, backup);
      return 0;
    }
  g_print (_("The transfer is done. Check it item by item: ferry-cli verify --backup %s\n"),
           backup);
  return 0;
}

int
ferry_cli_command_verify (int    argc,
                          char **argv)
{
  g_autofree char *backup = NULL;
  g_autofree char *export = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "backup", 'b', 0, G_OPTION_ARG_FILENAME, &backup, N_("The backup folder of the old account"),
      N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the whole report as JSON"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export, N_("Write what is missing to a CSV file"),
      N_("FILE") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Also trust the CA certificates in FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("— compare a backup with the new account"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerryTransfer) transfer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GListModel *categories;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return ferry_cli_fail (error);
  if (backup == NULL || argc != 1)
    {
      g_printerr (_("ferry-cli: verify needs a backup folder, as in “ferry-cli verify --backup "
                    "~/ferry-backup”.\n"));
      return 2;
    }
  if ((transfer = open_transfer (backup, &manager, &error)) == NULL)
    return ferry_cli_fail (error);
  ferry_transfer_verify_async (transfer, NULL, ferry_cli_got_result, &result);
  if (!ferry_transfer_verify_finish (transfer, ferry_cli_wait_for (&result), &error))
    return ferry_cli_fail (error);

  if (export != NULL && !ferry_transfer_export_missing (transfer, export, &error))
    return ferry_cli_fail (error);
  if (json)
    {
      g_autofree char *report = ferry_transfer_get_report_json (transfer);

      ferry_cli_print_json (report);
    }
  else
    {
      categories = ferry_transfer_get_categories (transfer);
      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(FerryBackupCategory) category = g_list_model_get_item (categories, i);
          g_auto(GStrv) missing =
            ferry_transfer_get_missing (transfer, ferry_backup_category_get_id (category));
          guint n = g_strv_length (missing);

          if (ferry_backup_category_get_total (category) == 0)
            continue;
          g_print (_("%s: %u of %u there\n"), ferry_backup_category_get_title (category),
                   (guint) ferry_backup_category_get_total (category) - n,
                   (guint) ferry_backup_category_get_total (category));
          for (guint j = 0; j < n && j < 10; j++)
            g_print ("  %s\n", ferry_cli_safe (missing[j]));
          if (n > 10)
            g_print (ngettext ("  … and %u more\n", "  … and %u more\n", n - 10), n - 10);
        }
    }
  if (ferry_transfer_get_n_missing (transfer) == 0)
    {
      if (!json)
        g_print (_("Everything in the backup is on the new account.\n"));
      return 0;
    }
  if (!json && ferry_transfer_get_n_retryable (transfer) > 0)
    g_print (_("Some of it can be tried again: ferry-cli transfer --backup %s\n"), backup);
  return 3;
}
