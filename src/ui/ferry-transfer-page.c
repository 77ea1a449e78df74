/* ferry-transfer-page.c: the Transfer step: the plan, the run, and the proof
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-transfer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-backup-category.h"
#include "ferry-transfer-page.h"
#include "ferry-transfer-report.h"
#include "ferry-transfer-row.h"

struct _FerryTransferPage
{
  AdwBin                 parent_instance;

  FerryAccountManager   *manager;       /* owned */
  FerryJobManager       *jobs;          /* owned: knows the transfer left unfinished */
  GSettings             *settings;      /* owned */
  GCancellable          *cancellable;   /* owned: preparing, running, verifying */
  FerryTransfer         *transfer;      /* owned: the prepared, running or last one */
  GFile                 *backup;        /* owned: the backup folder, when it is finished */
  GListModel            *import_files;  /* FerryImportFile, after writing them */
  GtkFileChooserNative  *chooser;       /* owned while open */
  GArray                *plan;          /* gint64 per category: the prepared plan's totals */
  gboolean               running;
  gboolean               stopping;      /* stopped by the person: said when the run ends */

  /* Template widgets */
  GtkStack              *stack;
  AdwStatusPage         *needs_page;
  GtkButton             *needs_button;
  AdwActionRow          *backup_row;
  AdwActionRow          *target_row;
  AdwPreferencesGroup   *method_group;
  AdwActionRow          *api_row;
  AdwActionRow          *csv_row;
  GtkCheckButton        *csv_check;
  GtkLabel              *plan_label;
  AdwPreferencesGroup   *warnings_group;
  GtkListBox            *warnings_list;
  GtkListBox            *totals_list;
  GtkListBox            *files_list;
  GtkLabel              *running_title;
  GtkLabel              *time_label;
  GtkProgressBar        *overall_bar;
  GtkListBox            *progress_list;
  GtkButton             *pause_button;
  FerryTransferReport   *report;
};

G_DEFINE_FINAL_TYPE (FerryTransferPage, ferry_transfer_page, ADW_TYPE_BIN)

static void prepare (FerryTransferPage *self);
static void set_transfer (FerryTransferPage *self,
                          FerryTransfer     *transfer);
static void run     (FerryTransferPage   *self,
                     FerryTransferMethod  method);

static char *
describe_time (gint64 seconds)
{
  if (seconds >= 36 * 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %d day", "about %d days",
                                         (int) ((seconds + 43200) / 86400)),
                            (int) ((seconds + 43200) / 86400));
  if (seconds >= 90 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %d hour", "about %d hours",
                                         (int) ((seconds + 1800) / 3600)),
                            (int) ((seconds + 1800) / 3600));
  if (seconds >= 90)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %d minute", "about %d minutes",
                                         (int) ((seconds + 30) / 60)), (int) ((seconds + 30) / 60));
  return g_strdup (_("a minute or two"));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
  return row;
}

static void
set_busy (FerryTransferPage *self,
          gboolean           running)
{
  self->running = running;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.start",
                                 !running && self->transfer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.verify",
                                 !running && self->transfer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.pause", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.stop", running);
}

/* Setup */

static void
show_plan (FerryTransferPage *self)
{
  GListModel *categories = ferry_transfer_get_categories (self->transfer);
  g_auto(GStrv) warnings = ferry_transfer_get_warnings (self->transfer);
  g_autofree char *plan = ferry_transfer_describe_plan (self->transfer);
  g_autofree char *api_time =
    describe_time (ferry_transfer_estimate_seconds (self->transfer, FERRY_TRANSFER_METHOD_API));
  g_autofree char *csv_time =
    describe_time (ferry_transfer_estimate_seconds (self->transfer, FERRY_TRANSFER_METHOD_CSV));
  g_autofree char *api_text = NULL;
  g_autofree char *csv_text = NULL;
  guint per_day = ferry_transfer_get_follows_per_day (self->transfer);

  gtk_label_set_label (self->plan_label, plan);
  /* Mastodon's daily follow limit is what makes the choice matter. */
  gtk_widget_set_visible (GTK_WIDGET (self->method_group), per_day > 0);
  api_text = g_strdup_printf (_("%u follows a day; everything checked as it goes. Takes %s."),
                              per_day, api_time);
  csv_text =
    g_strdup_printf (_("No daily limit for follows: you upload Ferry’s files in the browser, "
                       "then Ferry checks them and does the rest. Takes %s."),
                     csv_time);
  adw_action_row_set_subtitle (self->api_row, api_text);
  adw_action_row_set_subtitle (self->csv_row, csv_text);

  clear_list (self->warnings_list);
  for (guint i = 0; warnings[i]; i++)
    {
      GtkWidget *row = add_row (self->warnings_list, warnings[i], NULL);
      GtkWidget *icon;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), warnings[i]);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), warnings[0] != NULL);

  clear_list (self->totals_list);
  g_array_set_size (self->plan, 0);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(FerryBackupCategory) category = g_list_model_get_item (categories, i);
      gint64 total = ferry_backup_category_get_total (category);
      g_autofree char *count = NULL;

      /* A run reads the backup again before its counts come: the rows show from the plan's. */
      g_array_append_val (self->plan, total);
      if (ferry_backup_category_get_total (category) <= 0)
        continue;
      count = g_strdup_printf ("%'" G_GINT64_FORMAT, ferry_backup_category_get_total (category));
      add_row (self->totals_list, ferry_backup_category_get_title (category), count);
    }
}

static void
unfinished_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_auto(GStrv) ids = ferry_job_manager_unfinished_finish (FERRY_JOB_MANAGER (object), result,
                                                           NULL);
  FerryTransferPage *self;
  g_autofree char *path = NULL;

  if (ids == NULL)
    return;   /* cancelled: the page may be gone */
  self = user_data;
  path = g_file_get_path (self->backup);
  if (path != NULL && g_strv_contains ((const char * const *) ids, path) && !self->running)
    run (self, FERRY_TRANSFER_METHOD_AUTO);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerryTransferPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_transfer_prepare_finish (FERRY_TRANSFER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || FERRY_TRANSFER (object) != self->transfer)
        return;
      adw_status_page_set_title (self->needs_page, _("The Backup Cannot Be Read"));
      adw_status_page_set_description (self->needs_page, error->message);
      gtk_button_set_label (self->needs_button, _("Go to _Backup"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->needs_button), "win.show-backup");
      gtk_stack_set_visible_child_name (self->stack, "needs");
      return;
    }
  /* An older one, overtaken by a later look (the accounts changed, the page was shown). */
  if (FERRY_TRANSFER (object) != self->transfer || self->running)
    return;
  show_plan (self);
  set_busy (self, FALSE);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "needs"))
    gtk_stack_set_visible_child_name (self->stack, "setup");

  /* A transfer that was under way when Ferry closed goes on by itself, the day's follows
   * included: the job manager knows from its state on disk. */
  if (self->jobs != NULL)
    ferry_job_manager_unfinished_async (self->jobs, "FerryTransfer", self->cancellable,
                                        unfinished_cb, self);
}

static FerryTransfer *
new_transfer (FerryTransferPage   *self,
              FerryTransferMethod  method)
{
  FerryClient *client = ferry_account_manager_get_client (self->manager, FERRY_ROLE_NEW);
  FerryTransfer *transfer = ferry_transfer_new (client, self->backup);

  ferry_transfer_set_method (transfer, method);
  return transfer;
}

static void
show_needs (FerryTransferPage *self,
            const char        *description,
            const char        *button,
            const char        *action)
{
  adw_status_page_set_title (self->needs_page, _("Backup and Both Accounts First"));
  adw_status_page_set_description (self->needs_page, description);
  gtk_button_set_label (self->needs_button, button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->needs_button), action);
  gtk_stack_set_visible_child_name (self->stack, "needs");
}

static void
manifest_checked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);
  FerryTransferPage *self;

  if (info == NULL && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  self = user_data;
  if (info == NULL)
    {
      show_needs (self,
                  _("Ferry re-creates what a finished backup of the old account holds. Make one "
                    "first."),
                  _("Go to _Backup"), "win.show-backup");
      return;
    }
  if (self->running)
    return;
  set_transfer (self, new_transfer (self, FERRY_TRANSFER_METHOD_AUTO));
  ferry_transfer_prepare_async (self->transfer, self->cancellable, prepared_cb, self);
}

/* Both accounts and a finished backup: then the plan. */
static void
prepare (FerryTransferPage *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "backup-last");
  g_autoptr(GFile) manifest = NULL;
  g_autofree char *path = NULL;

  if (self->running)
    return;
  if (ferry_account_manager_get_state (self->manager, FERRY_ROLE_NEW) != FERRY_ACCOUNT_SIGNED_IN)
    {
      show_needs (self, _("Sign in to the account you move to on the Moving To page."),
                  _("Go to _Moving To"), "win.show-new");
      return;
    }
  if (last[0] == '\0')
    {
      show_needs (self,
                  _("Ferry re-creates what a finished backup of the old account holds. Make one "
                    "first."),
                  _("Go to _Backup"), "win.show-backup");
      return;
    }
  g_clear_object (&self->backup);
  self->backup = g_file_new_for_path (last);
  path = g_file_get_path (self->backup);
  adw_action_row_set_subtitle (self->backup_row, path);
  adw_action_row_set_subtitle (self->target_row,
                               ferry_account_manager_get_handle (self->manager, FERRY_ROLE_NEW));
  manifest = g_file_get_child (self->backup, "manifest.json");
  g_file_query_info_async (manifest, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, manifest_checked_cb, self);
}

/* Progress */

/* One row per part of the job, from the start: shown once the plan or the run counts it. */
static void
build_progress_rows (FerryTransferPage *self)
{
  GListModel *categories = ferry_transfer_get_categories (self->transfer);

  clear_list (self->progress_list);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(FerryBackupCategory) category = g_list_model_get_item (categories, i);
      gint64 planned = i < self->plan->len ? g_array_index (self->plan, gint64, i) : 0;

      gtk_list_box_append (self->progress_list,
                           ferry_transfer_row_new (category, FERRY_JOB (self->transfer), planned));
    }
}

/* On the job's throttled notifications (fraction, eta, status; state at once), never a timer. */
static void
refresh_progress (FerryTransferPage *self)
{
  FerryJob *job = FERRY_JOB (self->transfer);
  FerryJobState state = ferry_job_get_state (job);
  g_autofree char *percent = g_strdup_printf (_("%.0f %%"), ferry_job_get_fraction (job) * 100);
  g_autofree char *title = NULL;
  g_autofree char *left = NULL;
  gint64 eta = ferry_job_get_eta (job);

  gtk_progress_bar_set_fraction (self->overall_bar, ferry_job_get_fraction (job));
  gtk_progress_bar_set_text (self->overall_bar, percent);
  gtk_button_set_label (self->pause_button,
                        state == FERRY_JOB_STATE_PAUSED ? _("_Resume") : _("_Pause"));
  if (state == FERRY_JOB_STATE_PAUSED)
    title = g_strdup (_("Paused: nothing new is sent until you resume"));
  else if (state == FERRY_JOB_STATE_WAITING && ferry_job_get_waiting_reason (job) != NULL)
    title = g_strdup (ferry_job_get_waiting_reason (job));
  else
    title = g_strdup_printf (_("Copying everything to %s"),
                             ferry_account_manager_get_handle (self->manager, FERRY_ROLE_NEW));
  gtk_label_set_label (self->running_title, title);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->progress_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ferry_transfer_row_get_job (FERRY_TRANSFER_ROW (row)) == job)
      ferry_transfer_row_update (FERRY_TRANSFER_ROW (row));
  if (eta > 0)
    {
      g_autofree char *time = describe_time (eta);

      /* Translators: "about 20 minutes left" */
      left = g_strdup_printf (_("%s left"), time);
    }
  else if (ferry_job_get_status (job) != NULL)
    left = g_strdup (ferry_job_get_status (job));
  gtk_label_set_label (self->time_label, left != NULL ? left : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), left != NULL);
}

/* The proof */

static void
show_report (FerryTransferPage *self)
{
  ferry_transfer_report_show_result (self->report, self->transfer);
  gtk_stack_set_visible_child_name (self->stack, "finished");
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerryTransferPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_transfer_verify_finish (FERRY_TRANSFER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      ferry_transfer_report_set_words (self->report, "dialog-warning-symbolic",
                                       _("Could Not Check"), error->message);
      gtk_stack_set_visible_child_name (self->stack, "finished");
      return;
    }
  set_busy (self, FALSE);
  show_report (self);
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (widget);

  if (self->transfer == NULL)
    return;
  set_busy (self, TRUE);
  gtk_widget_action_set_enabled (widget, "page.pause", FALSE);
  gtk_widget_action_set_enabled (widget, "page.stop", FALSE);
  ferry_transfer_verify_async (self->transfer, self->cancellable, verified_cb, self);
}

/* Running */

static void
show_ended (FerryTransferPage *self,
            const char        *title,
            const char        *description)
{
  ferry_transfer_report_show_ended (self->report, title, description);
  gtk_stack_set_visible_child_name (self->stack, "finished");
}

/* The run is over: after the person's Stop, this says so (its callback, at CANCELLED, does
 * not touch the page). */
/* The job manager no longer takes @transfer up again at the next start. */
static void
forget_transfer (FerryTransferPage *self,
                 FerryTransfer     *transfer)
{
  g_autofree char *path = NULL;

  if (self->jobs == NULL)
    return;
  path = g_file_get_path (ferry_transfer_get_backup_dir (transfer));
  if (path != NULL)
    ferry_job_manager_forget (self->jobs, "FerryTransfer", path);
}

static void
on_state_changed (FerryTransferPage *self)
{
  if (!ferry_job_is_ended (FERRY_JOB (self->transfer)))
    {
      /* Paused, resumed, waiting: the title and the button say it. */
      if (ferry_job_is_active (FERRY_JOB (self->transfer)))
        refresh_progress (self);
      return;
    }
  if (!self->stopping)
    return;
  self->stopping = FALSE;
  set_busy (self, FALSE);
  /* Stopped by the person: not to be taken up again by itself. */
  forget_transfer (self, self->transfer);
  show_ended (self, _("Transfer Stopped"),
              _("Nothing is lost: Try Again goes on where it stopped."));
}

/* The page observes the transfer it holds, and only that one. @transfer: (transfer full) */
static void
set_transfer (FerryTransferPage *self,
              FerryTransfer     *transfer)
{
  if (self->transfer != NULL)
    g_signal_handlers_disconnect_by_data (self->transfer, self);
  g_clear_object (&self->transfer);
  self->transfer = transfer;
  self->stopping = FALSE;
  if (transfer == NULL)
    return;
  g_signal_connect_swapped (transfer, "notify::fraction", G_CALLBACK (refresh_progress), self);
  g_signal_connect_swapped (transfer, "notify::eta", G_CALLBACK (refresh_progress), self);
  g_signal_connect_swapped (transfer, "notify::status", G_CALLBACK (refresh_progress), self);
  g_signal_connect_swapped (transfer, "notify::state", G_CALLBACK (on_state_changed), self);
}

static void
transfer_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FerryTransferPage *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = ferry_job_run_finish (FERRY_JOB (object), result, &error);

  /* Cancelled: the page is gone (and the transfer goes on at the next start), or the person
   * stopped it, which on_state_changed() tells. Either way @self may be freed by now. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  /* Done: not to be taken up again by itself. (After a failure it is: the server may be back
   * by the next start.) */
  if (ok)
    forget_transfer (self, FERRY_TRANSFER (object));
  if (!ok)
    {
      show_ended (self, _("Transfer Interrupted"), error->message);
      return;
    }
  /* The proof follows the run at once. */
  verify_action (GTK_WIDGET (self), "page.verify", NULL);
}

static void
run (FerryTransferPage   *self,
     FerryTransferMethod  method)
{
  g_autofree char *path = g_file_get_path (self->backup);

  set_transfer (self, new_transfer (self, method));
  set_busy (self, TRUE);
  if (self->jobs != NULL && path != NULL)
    ferry_job_manager_remember (self->jobs, "FerryTransfer", path);
  /* The window and ferry-cli see the jobs under way through the manager. */
  if (self->jobs != NULL)
    ferry_job_manager_add (self->jobs, FERRY_JOB (self->transfer));
  ferry_job_run_async (FERRY_JOB (self->transfer), self->cancellable, transfer_done_cb, self);
  build_progress_rows (self);
  refresh_progress (self);
  gtk_stack_set_visible_child_name (self->stack, "running");
}

static void
imports_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  FerryTransferPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = ferry_transfer_write_imports_finish (FERRY_TRANSFER (object),
                                                                      result, &error);

  if (files == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      ferry_transfer_report_set_words (self->report, NULL, _("Could Not Write the Files"),
                                       error->message);
      gtk_stack_set_visible_child_name (self->stack, "finished");
      return;
    }
  set_busy (self, FALSE);
  g_set_object (&self->import_files, files);
  clear_list (self->files_list);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(FerryImportFile) file = g_list_model_get_item (files, i);
      g_autofree char *name = g_path_get_basename (ferry_import_file_get_path (file));
      /* Translators: the first is the number of the step, the second the type to choose on the page
       */
      g_autofree char *title = g_strdup_printf (_("%u. Type “%s”"), i + 1,
                                                ferry_import_file_get_title (file));

      add_row (self->files_list, title, name);
    }
  gtk_stack_set_visible_child_name (self->stack, "handoff");
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (widget);

  if (gtk_check_button_get_active (self->csv_check) &&
      gtk_widget_get_visible (GTK_WIDGET (self->method_group)) &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "setup"))
    {
      set_transfer (self, new_transfer (self, FERRY_TRANSFER_METHOD_CSV));
      set_busy (self, TRUE);
      ferry_transfer_write_imports_async (self->transfer, self->cancellable, imports_written_cb,
                                          self);
      return;
    }
  run (self, FERRY_TRANSFER_METHOD_AUTO);
}

static void
imported_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  run (FERRY_TRANSFER_PAGE (widget), FERRY_TRANSFER_METHOD_CSV);
}

static void
open_uri (FerryTransferPage *self,
          const char        *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
open_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (widget);

  if (self->transfer != NULL && ferry_transfer_get_import_url (self->transfer) != NULL)
    open_uri (self, ferry_transfer_get_import_url (self->transfer));
}

static void
open_imports_folder_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (widget);
  g_autoptr(FerryImportFile) first = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->import_files == NULL || g_list_model_get_n_items (self->import_files) == 0)
    return;
  first = g_list_model_get_item (self->import_files, 0);
  file = g_file_new_for_path (ferry_import_file_get_path (first));
  folder = g_file_get_parent (file);
  uri = g_file_get_uri (folder);
  open_uri (self, uri);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (widget);

  if (ferry_job_is_paused (FERRY_JOB (self->transfer)))
    ferry_job_resume (FERRY_JOB (self->transfer));
  else
    ferry_job_pause (FERRY_JOB (self->transfer));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (widget);
  gboolean running = self->transfer != NULL && ferry_job_is_active (FERRY_JOB (self->transfer));

  /* A run says it is stopped when it ends (on_state_changed()); writing the files stops at
   * once. */
  self->stopping = running;
  if (!running)
    set_busy (self, FALSE);
  /* The page's cancellable also cancels preparing; a fresh one for what comes next. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
setup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "setup");
  prepare (self);
}

static void
chooser_response (GtkNativeDialog   *dialog,
                  int                response,
                  FerryTransferPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL &&
      !ferry_transfer_export_missing (self->transfer, path, &error))
    ferry_transfer_report_set_words (self->report, NULL, NULL, error->message);
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL || self->transfer == NULL)
    return;
  self->chooser =
    gtk_file_chooser_native_new (_("Export What Is Missing"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "missing.csv");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Accounts */

static void
on_changed (FerryAccountManager *manager,
            int                  role,
            FerryTransferPage   *self)
{
  if (!self->running && !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "finished"))
    prepare (self);
}

static void
on_backup_last_changed (FerryTransferPage *self)
{
  if (self->manager != NULL)
    on_changed (self->manager, FERRY_ROLE_OLD, self);
}

void
ferry_transfer_page_set_manager (FerryTransferPage   *self,
                                 FerryAccountManager *manager)
{
  g_return_if_fail (FERRY_IS_TRANSFER_PAGE (self));
  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (manager));

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  g_signal_connect (manager, "changed", G_CALLBACK (on_changed), self);
  prepare (self);
}

/* The jobs: what was left unfinished is taken up again. Before set_manager(). */
void
ferry_transfer_page_set_job_manager (FerryTransferPage *self,
                                     FerryJobManager   *jobs)
{
  g_return_if_fail (FERRY_IS_TRANSFER_PAGE (self));
  g_return_if_fail (FERRY_IS_JOB_MANAGER (jobs));

  g_set_object (&self->jobs, jobs);
}

/* Returns: (nullable) (transfer none): the prepared, running or last transfer */
FerryTransfer *
ferry_transfer_page_get_transfer (FerryTransferPage *self)
{
  g_return_val_if_fail (FERRY_IS_TRANSFER_PAGE (self), NULL);

  return self->transfer;
}

/* Shown again: the backup may have finished meanwhile. */
static void
ferry_transfer_page_map (GtkWidget *widget)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (widget);

  GTK_WIDGET_CLASS (ferry_transfer_page_parent_class)->map (widget);
  if (self->manager != NULL)
    on_changed (self->manager, FERRY_ROLE_NEW, self);
}

static void
ferry_transfer_page_dispose (GObject *object)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (object);

  /* No notification reaches the page from here on; the callbacks of what is under way see
   * CANCELLED and return without touching it. */
  set_transfer (self, NULL);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  g_clear_object (&self->jobs);
  g_clear_object (&self->settings);
  g_clear_object (&self->backup);
  g_clear_object (&self->import_files);

  G_OBJECT_CLASS (ferry_transfer_page_parent_class)->dispose (object);
}

static void
ferry_transfer_page_finalize (GObject *object)
{
  FerryTransferPage *self = FERRY_TRANSFER_PAGE (object);

  g_array_unref (self->plan);

  G_OBJECT_CLASS (ferry_transfer_page_parent_class)->finalize (object);
}

static void
ferry_transfer_page_class_init (FerryTransferPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_transfer_page_dispose;
  object_class->finalize = ferry_transfer_page_finalize;
  widget_class->map = ferry_transfer_page_map;

  g_type_ensure (FERRY_TYPE_TRANSFER_REPORT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ferryapp/Ferry/ui/"
                                                             "ferry-transfer-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, FerryTransferPage, name)
  BIND (stack);
  BIND (needs_page);
  BIND (needs_button);
  BIND (backup_row);
  BIND (target_row);
  BIND (method_group);
  BIND (api_row);
  BIND (csv_row);
  BIND (csv_check);
  BIND (plan_label);
  BIND (warnings_group);
  BIND (warnings_list);
  BIND (totals_list);
  BIND (files_list);
  BIND (running_title);
  BIND (time_label);
  BIND (overall_bar);
  BIND (progress_list);
  BIND (pause_button);
  BIND (report);
#undef BIND

  gtk_widget_class_install_action (widget_class, "page.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "page.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "page.imported", NULL, imported_action);
  gtk_widget_class_install_action (widget_class, "page.open-import", NULL, open_import_action);
  gtk_widget_class_install_action (widget_class, "page.open-imports-folder", NULL,
                                   open_imports_folder_action);
  gtk_widget_class_install_action (widget_class, "page.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "page.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "page.setup", NULL, setup_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action);
}

static void
ferry_transfer_page_init (FerryTransferPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::backup-last",
                            G_CALLBACK (on_backup_last_changed), self);
  set_busy (self, FALSE);
}
