/* ferry-backup-page.c: the Backup step: what will be saved, where, and how it goes
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-backup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-backup-category.h"
#include "ferry-backup-page.h"
#include "ferry-state-icon.h"

struct _FerryBackupPage
{
  AdwBin                 parent_instance;

  FerryAccountManager   *manager;       /* owned */
  FerryJobManager       *jobs;          /* owned: where the running backup is shown too */
  GSettings             *settings;      /* owned */
  GCancellable          *cancellable;   /* owned: counting, and the backup; cancelled in dispose */
  FerryBackup           *backup;        /* owned: the running or last backup, observed */
  FerryCollectionCounts *counts;        /* owned */
  GFile                 *folder;        /* owned: where backups go */
  GFile                 *target;        /* owned: the last backup's own folder */
  gboolean               target_unfinished;  /* it has a journal: a run stopped there */
  GtkFileChooserNative  *chooser;       /* owned while open */
  gboolean               running;

  /* Template widgets */
  GtkStack              *stack;
  AdwPreferencesGroup   *setup_group;
  AdwActionRow          *folder_row;
  GtkSwitch             *posts_switch;
  GtkSwitch             *media_switch;
  GtkWidget             *media_row;
  GtkListBox            *what_list;
  GtkWidget             *start_button;
  GtkLabel              *running_title;
  GtkLabel              *time_label;
  GtkProgressBar        *overall_bar;
  GtkListBox            *progress_list;
  GtkButton             *pause_button;
  AdwStatusPage         *finished_page;
  GtkWidget             *open_button;
  GtkButton             *again_button;
};

G_DEFINE_FINAL_TYPE (FerryBackupPage, ferry_backup_page, ADW_TYPE_BIN)

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static char *
format_duration (gint64 seconds)
{
  if (seconds < 90)
    return g_strdup (_("under two minutes"));
  if (seconds < 90 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %d minute", "about %d minutes",
                                         (int) ((seconds + 30) / 60)), (int) ((seconds + 30) / 60));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %d hour", "about %d hours",
                                       (int) ((seconds + 1800) / 3600)),
                          (int) ((seconds + 1800) / 3600));
}

static const char *
handle (FerryBackupPage *self)
{
  return ferry_account_manager_get_handle (self->manager, FERRY_ROLE_OLD);
}

static FerryBackupFlags
chosen_flags (FerryBackupPage *self)
{
  if (!gtk_switch_get_active (self->posts_switch))
    return FERRY_BACKUP_NO_POSTS;
  return gtk_switch_get_active (self->media_switch) ? FERRY_BACKUP_DEFAULT : FERRY_BACKUP_NO_MEDIA;
}

static void
add_what_row (FerryBackupPage *self,
              const char      *title,
              const char      *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->what_list, row);
}

static void
add_count_row (FerryBackupPage *self,
               const char      *title,
               gint64           n)
{
  g_autofree char *text = n < 0 ? g_strdup (_("Counting…")) : format_count (n);

  add_what_row (self, title, text);
}

static void
update_setup (FerryBackupPage *self)
{
  FerryAccount *account = ferry_account_manager_get_account (self->manager, FERRY_ROLE_OLD);
  FerryCollectionCounts *c = self->counts;
  FerryBackupEstimate estimate;
  g_autofree char *title = g_strdup_printf (_("Back Up %s"), handle (self));
  g_autofree char *duration = NULL;
  g_autofree char *size = NULL;
  g_autofree char *estimate_text = NULL;
  gint64 others = 0;
  GtkWidget *child;

  adw_preferences_group_set_title (self->setup_group, title);
  if (self->folder != NULL)
    {
      g_autofree char *path = g_file_get_path (self->folder);

      adw_action_row_set_subtitle (self->folder_row, path);
    }
  else
    adw_action_row_set_subtitle (self->folder_row, _("Not chosen yet"));
  gtk_widget_set_sensitive (self->media_row, gtk_switch_get_active (self->posts_switch));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.start",
                                 self->folder != NULL && !self->running);
  gtk_button_set_label (GTK_BUTTON (self->start_button),
                        self->target == NULL ? _("_Start Backup")
                        : self->target_unfinished ? _("_Go On With the Backup")
                        : _("Back Up _Again"));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->what_list))) != NULL)
    gtk_list_box_remove (self->what_list, child);
  if (account == NULL)
    return;
  add_what_row (self, _("Profile"), _("Name, bio, fields, picture and header"));
  add_count_row (self, _("Follows"), ferry_account_get_following (account));
  add_count_row (self, _("Followers"), ferry_account_get_followers (account));
  if (gtk_switch_get_active (self->posts_switch))
    add_count_row (self, _("Posts"), ferry_account_get_statuses (account));
  add_count_row (self, _("Lists"), c ? c->lists : -1);
  add_count_row (self, _("Blocked accounts"), c ? c->blocks : -1);
  add_count_row (self, _("Muted accounts"), c ? c->mutes : -1);
  if (c == NULL || c->domain_blocks >= 0)
    add_count_row (self, _("Blocked servers"), c ? c->domain_blocks : -1);
  add_count_row (self, _("Bookmarks"), c ? c->bookmarks : -1);
  add_what_row (self, _("And the rest"),
                _("Favourites, hashtags, filters, featured accounts and private notes"));

  if (c != NULL)
    others = MAX (c->blocks, 0) + MAX (c->mutes, 0) + MAX (c->bookmarks, 0) + MAX (c->lists, 0) * 2;
  ferry_backup_estimate (ferry_account_get_following (account),
                         ferry_account_get_followers (account),
                         ferry_account_get_statuses (account), others, TRUE, chosen_flags (self),
                         &estimate);
  duration = format_duration (estimate.seconds);
  size = g_format_size (estimate.bytes);
  /* Translators: "about 20 minutes, about 45 MB" */
  estimate_text = g_strdup_printf (_("%s, about %s"), duration, size);
  add_what_row (self, _("Estimate"), estimate_text);
}

/* Progress */

static char *
category_subtitle (FerryBackupCategory *category,
                   gboolean             paused)
{
  FerryStepState state = ferry_backup_category_get_state (category);
  g_autofree char *done = format_count (ferry_backup_category_get_done (category));
  gint64 total = ferry_backup_category_get_total (category);
  const char *detail = ferry_backup_category_get_detail (category);
  GString *text;
  double rate;
  gint64 left;

  switch (state)
    {
    case FERRY_STEP_STATE_DONE:
      /* Translators: "10,000 saved" */
      return g_strdup_printf (_("%s saved"), done);
    case FERRY_STEP_STATE_SKIPPED:
      return g_strdup_printf (_("Left out: %s"), detail);
    case FERRY_STEP_STATE_FAILED:
      return g_strdup_printf (_("Not saved: %s"), detail);
    case FERRY_STEP_STATE_PENDING:
      return g_strdup (_("Waiting for its turn"));
    case FERRY_STEP_STATE_RUNNING:
    default:
      break;
    }

  text = g_string_new (NULL);
  if (total >= 0)
    {
      g_autofree char *of = format_count (total);

      /* Translators: "1,200 of 10,000" */
      g_string_printf (text, _("%s of %s"), done, of);
    }
  else
    g_string_printf (text, _("%s so far"), done);
  if (paused)
    {
      g_string_append_printf (text, " · %s", _("paused"));
      return g_string_free (text, FALSE);
    }
  rate = ferry_backup_category_get_rate (category);
  left = ferry_backup_category_get_seconds_left (category);
  if (rate > 0)
    /* Translators: items per second */
    g_string_append_printf (text, _(" · %.0f a second"), rate);
  if (left >= 0)
    /* Translators: time left, minutes and seconds */
    g_string_append_printf (text, _(" · %d:%02d left"), (int) (left / 60), (int) (left % 60));
  return g_string_free (text, FALSE);
}

/* A row of the progress list: one part of the job, updated as the job notifies it. */
static void
update_row (AdwActionRow *row)
{
  FerryBackupCategory *category = g_object_get_data (G_OBJECT (row), "ferry-category");
  FerryJob *job = g_object_get_data (G_OBJECT (row), "ferry-job");
  FerryStateIcon *icon = g_object_get_data (G_OBJECT (row), "ferry-icon");
  g_autofree char *subtitle = category_subtitle (category, ferry_job_is_paused (job));
  FerryStepState state = ferry_backup_category_get_state (category);

  /* Paused, nothing is under way: no spinner says otherwise. */
  if (state == FERRY_STEP_STATE_RUNNING && ferry_job_is_paused (job))
    state = FERRY_STEP_STATE_PENDING;
  adw_action_row_set_subtitle (row, subtitle);
  ferry_state_icon_set_state (icon, state);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  FerryBackupCategory *category = item;
  FerryBackupPage *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = ferry_state_icon_new ();
  static const char *signals[] = { "notify::state", "notify::detail", "notify::done",
                                   "notify::total" };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ferry_backup_category_get_title (category));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The icon says its state as its accessible name, the subtitle the counts. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "ferry-icon", icon);
  g_object_set_data_full (G_OBJECT (row), "ferry-category", g_object_ref (category),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "ferry-job", g_object_ref (self->backup),
                          g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (category, signals[i], G_CALLBACK (update_row), row,
                             G_CONNECT_SWAPPED);
  update_row (ADW_ACTION_ROW (row));
  return row;
}

static void
on_fraction (FerryBackupPage *self)
{
  double fraction = ferry_job_get_fraction (FERRY_JOB (self->backup));
  g_autofree char *percent = g_strdup_printf (_("%.0f %%"), fraction * 100);

  GListModel *parts = ferry_backup_get_categories (self->backup);
  gint64 left = ferry_job_get_eta (FERRY_JOB (self->backup));
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->overall_bar, fraction);
  gtk_progress_bar_set_text (self->overall_bar, percent);
  /* The job's own estimate, or else the slowest part's: the parts run side by side. */
  for (guint i = 0; left <= 0 && i < g_list_model_get_n_items (parts); i++)
    {
      g_autoptr(FerryBackupCategory) category = g_list_model_get_item (parts, i);

      left = MAX (left, ferry_backup_category_get_seconds_left (category));
    }
  if (left > 0 && !ferry_job_is_paused (FERRY_JOB (self->backup)))
    {
      g_autofree char *duration = format_duration (left);

      /* Translators: "about 20 minutes left" */
      text = g_strdup_printf (_("%s left"), duration);
    }
  gtk_label_set_label (self->time_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), text != NULL);
}

static void
on_state (FerryBackupPage *self)
{
  gboolean paused = ferry_job_is_paused (FERRY_JOB (self->backup));
  GtkWidget *row;

  gtk_button_set_label (self->pause_button, paused ? _("_Resume") : _("_Pause"));
  if (paused)
    gtk_label_set_label (self->running_title, _("Paused: nothing new is fetched until you resume"));
  else
    {
      g_autofree char *title = g_strdup_printf (_("Backing Up %s"), handle (self));

      gtk_label_set_label (self->running_title, title);
    }
  on_fraction (self);
  /* The rows say "paused" too. */
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->progress_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      update_row (ADW_ACTION_ROW (row));
}

/* The page shows @backup as it goes: its properties and its parts, as they are notified. */
static void
observe (FerryBackupPage *self,
         FerryBackup     *backup)
{
  if (self->backup != NULL)
    g_signal_handlers_disconnect_by_data (self->backup, self);
  g_set_object (&self->backup, backup);
  gtk_list_box_bind_model (self->progress_list, ferry_backup_get_categories (backup),
                           create_row, self, NULL);
  g_signal_connect_swapped (backup, "notify::fraction", G_CALLBACK (on_fraction), self);
  g_signal_connect_swapped (backup, "notify::eta", G_CALLBACK (on_fraction), self);
  g_signal_connect_swapped (backup, "notify::state", G_CALLBACK (on_state), self);
  on_fraction (self);
  on_state (self);
}

/* Running */

static void
show_finished (FerryBackupPage *self,
               const GError    *error)
{
  g_autofree char *path = self->target ? g_file_get_path (self->target) : NULL;

  if (error == NULL)
    {
      g_autofree char *size = g_format_size (ferry_backup_get_bytes (self->backup));
      g_autofree char *description = NULL;

      adw_status_page_set_icon_name (self->finished_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->finished_page, _("Backup Complete"));
      description = g_strdup_printf (ferry_backup_get_resumed (self->backup)
                                       ? _("Everything is in “%s”. It went on where the last "
                                           "backup stopped; files and media added this time: %s.")
                                       : _("Everything is in “%s”: %s of files and media."),
                                     path, size);
      adw_status_page_set_description (self->finished_page, description);
      gtk_button_set_label (self->again_button, _("Back Up _Again"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->again_button),
                                   _("Adds what is new since this backup to the same folder"));
    }
  else
    {
      adw_status_page_set_icon_name (self->finished_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->finished_page, _("The Backup Is Not Complete"));
      adw_status_page_set_description (self->finished_page, error->message);
      gtk_button_set_label (self->again_button, _("_Try Again"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->again_button),
                                   _("Goes on where it stopped; nothing saved is fetched twice"));
    }
  gtk_stack_set_visible_child_name (self->stack, "finished");
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FerryBackup *backup = FERRY_BACKUP (object);
  FerryBackupPage *self;
  g_autoptr(GError) error = NULL;

  /* The page's cancellable is cancelled in its dispose: the page is gone, however the job
   * ended. (Stop cancels the job itself.) */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  self = user_data;
  ferry_job_run_finish (FERRY_JOB (backup), result, &error);
  if (backup != self->backup)
    return;
  self->running = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.pause", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.stop", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.start", self->folder != NULL);
  self->target_unfinished = error != NULL;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      update_setup (self);
      gtk_stack_set_visible_child_name (self->stack, "setup");
      return;
    }
  show_finished (self, error);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FerryBackupPage *self = FERRY_BACKUP_PAGE (widget);
  FerryClient *client = ferry_account_manager_get_client (self->manager, FERRY_ROLE_OLD);
  g_autoptr(FerryBackup) backup = NULL;

  if (client == NULL || self->folder == NULL || self->running)
    return;
  if (self->target == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *name = ferry_backup_suggest_name (handle (self), now);

      self->target = g_file_get_child (self->folder, name);
    }
  {
    g_autofree char *path = g_file_get_path (self->target);

    /* Remembered, so that a backup that stops goes on even after a restart days later. */
    g_settings_set_string (self->settings, "backup-last", path ? path : "");
  }
  self->target_unfinished = TRUE;
  backup = ferry_backup_new (client, self->target, chosen_flags (self));
  observe (self, backup);
  self->running = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.pause", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.stop", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.start", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "running");
  ferry_job_run_async (FERRY_JOB (backup), self->cancellable, backup_done_cb, self);
  if (self->jobs != NULL)
    ferry_job_manager_add (self->jobs, FERRY_JOB (backup));
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FerryBackupPage *self = FERRY_BACKUP_PAGE (widget);

  if (self->backup == NULL || !self->running)
    return;
  if (ferry_job_is_paused (FERRY_JOB (self->backup)))
    ferry_job_resume (FERRY_JOB (self->backup));
  else
    ferry_job_pause (FERRY_JOB (self->backup));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FerryBackupPage *self = FERRY_BACKUP_PAGE (widget);

  if (self->backup != NULL)
    ferry_job_cancel (FERRY_JOB (self->backup));
}

static void
setup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FerryBackupPage *self = FERRY_BACKUP_PAGE (widget);

  update_setup (self);
  gtk_stack_set_visible_child_name (self->stack, "setup");
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FerryBackupPage *self = FERRY_BACKUP_PAGE (widget);
  g_autofree char *uri = NULL;

  if (self->target == NULL)
    return;
  uri = g_file_get_uri (self->target);
  /* Through the OpenURI portal in the sandbox. */
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

/* Choosing the folder */

void
ferry_backup_page_set_folder (FerryBackupPage *self,
                              GFile           *folder)
{
  g_return_if_fail (FERRY_IS_BACKUP_PAGE (self));

  if (folder != NULL && self->folder != NULL && g_file_equal (folder, self->folder))
    return;
  g_set_object (&self->folder, folder);
  g_clear_object (&self->target);
  if (folder != NULL)
    {
      g_autofree char *path = g_file_get_path (folder);

      if (path != NULL)
        g_settings_set_string (self->settings, "backup-folder", path);
    }
  update_setup (self);
}

static void
chooser_response (GtkNativeDialog *dialog,
                  int              response,
                  FerryBackupPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      ferry_backup_page_set_folder (self, folder);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FerryBackupPage *self = FERRY_BACKUP_PAGE (widget);

  if (self->chooser != NULL)
    return;
  /* The portal's chooser in the sandbox: the folder chosen is the only one Ferry may write. */
  self->chooser = gtk_file_chooser_native_new (_("Choose Where to Keep the Backup"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), self->folder, NULL);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The account */

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FerryBackupPage *self = user_data;
  g_autoptr(GError) error = NULL;
  FerryCollectionCounts *counts =
    ferry_account_manager_count_finish (FERRY_ACCOUNT_MANAGER (object), result, &error);

  if (counts == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("counting failed: %s", error->message);
      return;
    }
  g_clear_pointer (&self->counts, g_free);
  self->counts = counts;
  update_setup (self);
}

static void
on_changed (FerryAccountManager *manager,
            int                  role,
            FerryBackupPage     *self)
{
  gboolean signed_in =
    ferry_account_manager_get_state (manager, FERRY_ROLE_OLD) == FERRY_ACCOUNT_SIGNED_IN;

  if (role != FERRY_ROLE_OLD || self->running)
    return;
  g_clear_pointer (&self->counts, g_free);
  if (!signed_in)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }
  update_setup (self);
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "finished"))
    gtk_stack_set_visible_child_name (self->stack, "setup");
  ferry_account_manager_count_async (manager, FERRY_ROLE_OLD, self->cancellable, counted_cb, self);
}

void
ferry_backup_page_set_manager (FerryBackupPage     *self,
                               FerryAccountManager *manager)
{
  g_return_if_fail (FERRY_IS_BACKUP_PAGE (self));
  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (manager));

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  g_signal_connect (manager, "changed", G_CALLBACK (on_changed), self);
  on_changed (manager, FERRY_ROLE_OLD, self);
}

/* The jobs the window shows: the backup goes there while it runs. */
void
ferry_backup_page_set_job_manager (FerryBackupPage *self,
                                   FerryJobManager *jobs)
{
  g_return_if_fail (FERRY_IS_BACKUP_PAGE (self));
  g_return_if_fail (FERRY_IS_JOB_MANAGER (jobs));

  g_set_object (&self->jobs, jobs);
}

/* Returns: (nullable) (transfer none): the running or last backup */
FerryBackup *
ferry_backup_page_get_backup (FerryBackupPage *self)
{
  g_return_val_if_fail (FERRY_IS_BACKUP_PAGE (self), NULL);

  return self->backup;
}

static void
on_switch_changed (FerryBackupPage *self)
{
  g_settings_set_boolean (self->settings, "backup-posts",
                          gtk_switch_get_active (self->posts_switch));
  g_settings_set_boolean (self->settings, "backup-media",
                          gtk_switch_get_active (self->media_switch));
  if (self->manager != NULL)
    update_setup (self);
}

static void
last_checked_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);
  FerryBackupPage *self;
  g_autoptr(GFile) folder = NULL;

  if (info == NULL)
    return;   /* no journal there (or the page is gone): nothing to go on with */
  self = FERRY_BACKUP_PAGE (user_data);
  if (self->target != NULL || self->running)
    return;
  folder = g_file_get_parent (G_FILE (object));
  self->target = g_steal_pointer (&folder);
  self->target_unfinished = TRUE;
  if (self->manager != NULL)
    update_setup (self);
}

/* The last backup, if a run stopped there: the page offers to go on with it. */
static void
check_last_backup (FerryBackupPage *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "backup-last");
  g_autoptr(GFile) journal = NULL;

  if (last[0] == '\0')
    return;
  journal = g_file_new_build_filename (last, ".ferry-journal", NULL);
  g_file_query_info_async (journal, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, last_checked_cb, self);
}

static void
ferry_backup_page_dispose (GObject *object)
{
  FerryBackupPage *self = FERRY_BACKUP_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->backup != NULL)
    g_signal_handlers_disconnect_by_data (self->backup, self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  g_clear_object (&self->jobs);
  g_clear_object (&self->settings);
  g_clear_object (&self->folder);
  g_clear_object (&self->target);
  g_clear_pointer (&self->counts, g_free);

  G_OBJECT_CLASS (ferry_backup_page_parent_class)->dispose (object);
}

static void
ferry_backup_page_finalize (GObject *object)
{
  FerryBackupPage *self = FERRY_BACKUP_PAGE (object);

  g_clear_object (&self->backup);

  G_OBJECT_CLASS (ferry_backup_page_parent_class)->finalize (object);
}

static void
ferry_backup_page_class_init (FerryBackupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_backup_page_dispose;
  object_class->finalize = ferry_backup_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferryapp/Ferry/ui/ferry-backup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, setup_group);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, posts_switch);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, media_switch);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, media_row);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, what_list);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, running_title);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, time_label);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, progress_list);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, finished_page);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, FerryBackupPage, again_button);

  gtk_widget_class_install_action (widget_class, "page.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "page.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "page.pause", NULL, pause_action);
  gtk_widget_class_install_action (widget_class, "page.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "page.setup", NULL, setup_action);
  gtk_widget_class_install_action (widget_class, "page.open-folder", NULL, open_folder_action);
}

static void
ferry_backup_page_init (FerryBackupPage *self)
{
  g_autofree char *folder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  gtk_switch_set_active (self->posts_switch,
                         g_settings_get_boolean (self->settings, "backup-posts"));
  gtk_switch_set_active (self->media_switch,
                         g_settings_get_boolean (self->settings, "backup-media"));
  g_signal_connect_swapped (self->posts_switch, "notify::active", G_CALLBACK (on_switch_changed),
                            self);
  g_signal_connect_swapped (self->media_switch, "notify::active", G_CALLBACK (on_switch_changed),
                            self);
  folder = g_settings_get_string (self->settings, "backup-folder");
  if (folder[0] != '\0')
    self->folder = g_file_new_for_path (folder);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.pause", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.stop", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.start", FALSE);
  check_last_backup (self);
}
