/* ferry-move-page.c: the Move assistant
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the move stands and the one button for what comes next (FerryMoveNext), then a
 * checklist of the steps of a move (checks, backup, transfer, alias, move, followers), each
 * with its state. A step is done through the server's API, or by opening the exact web page
 * with what its form needs on the clipboard, then waiting for the server to show it done.
 * Below, the pre-flight checks and where the followers are. A move back is the same
 * assistant the other way.
 */

#define G_LOG_DOMAIN "ferry-move-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-follower-watch.h"
#include "ferry-move-next.h"
#include "ferry-move-page.h"
#include "ferry-move-stage-job.h"
#include "ferry-window.h"

struct _FerryMovePage
{
  AdwBin               parent_instance;

  FerryAccountManager *manager;       /* owned */
  GSettings           *settings;      /* owned */
  FerryMove           *move;          /* owned */
  FerryMoveDirection   direction;
  GCancellable        *cancellable;   /* owned: reading the accounts */
  FerryMoveStageJob   *job;           /* owned: the last step run (observed: notify::state) */
  GtkFileChooserNative *chooser;      /* owned while open */
  char                *instruction;   /* the web page's one sentence, while waiting */
  FerryFollowerWatch  *watch;         /* owned: samples self->move's follower counts */

  /* Template widgets */
  GtkStack            *stack;
  FerryMoveNext       *next;          /* where the move stands, and its one next action */
  GtkLabel            *title_label;
  GtkLabel            *intro_label;
  GtkListBox          *steps_list;
  GtkListBox          *checks_list;
  AdwPreferencesGroup *forecast_group;
  GtkListBox          *forecast_list;
};

G_DEFINE_FINAL_TYPE (FerryMovePage, ferry_move_page, ADW_TYPE_BIN)

static void
spinner_mapped (GtkSpinner *spinner)
{
  gtk_spinner_start (spinner);
}

static void
spinner_unmapped (GtkSpinner *spinner)
{
  gtk_spinner_stop (spinner);
}

enum
{
  PROP_0,
  PROP_MOVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (FerryMovePage *self);
static void stop_step (FerryMovePage *self);

/* A sentence at the bottom of the window (ferry_window_show_message()). */
static void
toast (FerryMovePage *self,
       const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FERRY_IS_WINDOW (root))
    ferry_window_show_message (FERRY_WINDOW (root), message);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
status_prefix (FerryMoveStatus status)
{
  /* Indexed by FerryMoveStatus; WAITING is a spinner instead. */
  static const struct { const char *icon; const char *label; const char *style; } looks[] = {
    { "radio-symbolic", N_("Not yet"), "dim-label" },
    { "media-record-symbolic", N_("Ready"), "accent" },
    { NULL, N_("Waiting for the server"), NULL },
    { "dialog-question-symbolic", N_("Cannot be seen"), "warning" },
    { "dialog-warning-symbolic", N_("Done, with warnings"), "warning" },
    { "emblem-ok-symbolic", N_("Done"), "success" },
    { "dialog-error-symbolic", N_("Needs attention"), "error" },
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (looks) == FERRY_MOVE_STATUS_FAILED + 1);
  GtkWidget *widget;

  g_return_val_if_fail (status < G_N_ELEMENTS (looks), NULL);

  if (status == FERRY_MOVE_STATUS_WAITING)
    {
      widget = gtk_spinner_new ();
      gtk_spinner_set_spinning (GTK_SPINNER (widget), TRUE);
    }
  else
    {
      widget = gtk_image_new_from_icon_name (looks[status].icon);
      gtk_widget_add_css_class (widget, looks[status].style);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(looks[status].label), -1);
  return widget;
}

/* A plain button in a row, unless the top's button (@top) does the same. */
static void
add_button (AdwActionRow *row,
            const char   *label,
            const char   *action,
            const char   *top)
{
  GtkWidget *button;

  if (g_strcmp0 (action, top) == 0)
    return;
  button = gtk_button_new_with_mnemonic (label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_action_row_add_suffix (row, button);
}

static void
stage_buttons (FerryMovePage  *self,
               AdwActionRow   *row,
               FerryMoveStage  stage,
               FerryMoveStatus status,
               const char     *top)
{
  g_autoptr(FerryMoveHandoff) handoff = ferry_move_get_handoff (self->move, stage);

  if (status == FERRY_MOVE_STATUS_WAITING)
    {
      add_button (row, _("_Stop Waiting"), "page.stop-waiting", top);
      return;
    }
  switch (stage)
    {
    case FERRY_MOVE_STAGE_BACKUP:
      if (status != FERRY_MOVE_STATUS_DONE)
        add_button (row, _("_Back Up"), "win.show-backup", top);
      break;
    case FERRY_MOVE_STAGE_TRANSFER:
      if (status == FERRY_MOVE_STATUS_READY)
        {
          add_button (row, _("S_kip"), "page.skip-transfer", top);
          add_button (row, _("_Transfer"), "win.show-transfer", top);
        }
      break;
    case FERRY_MOVE_STAGE_REDIRECT:
      if (status == FERRY_MOVE_STATUS_READY)
        add_button (row, _("_Open the Page"), "page.redirect", top);
      break;
    case FERRY_MOVE_STAGE_ALIAS:
      if (status == FERRY_MOVE_STATUS_UNSURE)
        {
          add_button (row, _("_Open the Page"), "page.alias", top);
          add_button (row, _("It Is _Done"), "page.confirm-alias", top);
        }
      else if (status == FERRY_MOVE_STATUS_READY)
        add_button (row, handoff ? _("_Open the Page") : _("_Add Alias"), "page.alias", top);
      break;
    case FERRY_MOVE_STAGE_MOVE:
      if (status == FERRY_MOVE_STATUS_READY)
        add_button (row, handoff ? _("_Open the Page") : _("_Move…"), "page.move", top);
      break;
    case FERRY_MOVE_STAGE_WATCH:
      if (status == FERRY_MOVE_STATUS_READY || status == FERRY_MOVE_STATUS_DONE)
        add_button (row, _("Show _Followers"), "win.show-followers", top);
      break;
    case FERRY_MOVE_STAGE_CHECKS:
    case FERRY_MOVE_N_STAGES:
    default:
      break;
    }
}

static const char *
level_icon (FerryMoveLevel level,
            const char   **style)
{
  switch (level)
    {
    case FERRY_MOVE_LEVEL_OK:
      *style = "success";
      return "emblem-ok-symbolic";
    case FERRY_MOVE_LEVEL_INFO:
      *style = "dim-label";
      return "dialog-information-symbolic";
    case FERRY_MOVE_LEVEL_WARNING:
      *style = "warning";
      return "dialog-warning-symbolic";
    case FERRY_MOVE_LEVEL_BLOCKER:
    default:
      *style = "error";
      return "dialog-error-symbolic";
    }
}

static gboolean
step_running (FerryMovePage *self)
{
  return self->job != NULL && ferry_job_is_active (FERRY_JOB (self->job));
}

/* What a step says: its job's status while it runs, else where the move stands. */
static const char *
stage_detail (FerryMovePage  *self,
              FerryMoveStage  stage)
{
  const char *status = NULL;

  if (step_running (self) && ferry_move_stage_job_get_stage (self->job) == stage)
    status = ferry_job_get_status (FERRY_JOB (self->job));
  return status != NULL ? status : ferry_move_get_detail (self->move, stage);
}

static void
update_rows (FerryMovePage *self)
{
  GPtrArray *checks = ferry_move_get_checks (self->move);
  GPtrArray *forecast = ferry_move_get_forecast (self->move);
  guint follow, maybe, stay;
  g_autofree char *summary = NULL;
  const char *top = ferry_move_next_show (self->next, self->move, self->instruction);

  clear_list (self->steps_list);
  for (FerryMoveStage stage = 0; stage < FERRY_MOVE_N_STAGES; stage++)
    {
      FerryMoveStatus status = ferry_move_get_status (self->move, stage);
      GtkWidget *row;

      if (!ferry_move_has_stage (self->move, stage))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ferry_move_stage_title (stage));
      /* The web page's instruction, while waiting, is at the top (FerryMoveNext). */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), stage_detail (self, stage));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), status_prefix (status));
      stage_buttons (self, ADW_ACTION_ROW (row), stage, status, top);
      gtk_list_box_append (self->steps_list, row);
    }

  clear_list (self->checks_list);
  for (guint i = 0; i < checks->len; i++)
    {
      FerryMoveCheck *check = g_ptr_array_index (checks, i);
      GtkWidget *row = adw_action_row_new ();
      const char *style = NULL;
      GtkWidget *icon = gtk_image_new_from_icon_name (level_icon (check->level, &style));

      gtk_widget_add_css_class (icon, style);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), check->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), check->detail);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (check->fix == FERRY_MOVE_FIX_UNLOCK)
        add_button (ADW_ACTION_ROW (row), _("_Unlock"), "page.unlock", top);
      else if (check->fix == FERRY_MOVE_FIX_SKIP_TRANSFER)
        add_button (ADW_ACTION_ROW (row), _("S_kip the Transfer"), "page.skip-transfer", top);
      gtk_list_box_append (self->checks_list, row);
    }

  clear_list (self->forecast_list);
  ferry_move_get_forecast_totals (self->move, &follow, &maybe, &stay);
  /* Translators: three counts of followers */
  summary =
    g_strdup_printf (_("Will follow the move: %u. If they allowed it: %u. Left behind: %u."),
                     follow, maybe, stay);
  adw_preferences_group_set_description (self->forecast_group, summary);
  for (guint i = 0; i < forecast->len; i++)
    {
      FerryMoveServer *server = g_ptr_array_index (forecast, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = g_strdup_printf ("%u", server->followers);
      g_autofree char *subtitle =
        g_strdup_printf ("%s — %s", server->software ? server->software : _("unknown"),
                         ferry_move_fate_text (server->fate));
      GtkWidget *label = gtk_label_new (count);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), server->host);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->forecast_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->forecast_group), forecast->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-forecast", forecast->len > 0);
}

static void
on_move_changed (FerryMove     *move,
                 FerryMovePage *self)
{
  update_rows (self);
}

/* Sampling: at each start and check, and every half hour while Ferry runs (the watch's own
 * timer). */

static void
sample_now (FerryMovePage *self)
{
  if (self->watch != NULL)
    ferry_follower_watch_sample_now (self->watch);
}

static void
on_watch_sampled (FerryFollowerWatch *watch,
                  GParamSpec         *pspec,
                  FerryMovePage      *self)
{
  update_rows (self);
}

static void
watch_ended_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* It ends only when cancelled: by rebuild() or dispose(), when self may be gone. */
  if (!ferry_job_run_finish (FERRY_JOB (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("The follower watch stopped: %s", error->message);
}

static void
stop_watch (FerryMovePage *self)
{
  if (self->watch == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->watch, self);
  ferry_job_cancel (FERRY_JOB (self->watch));
  g_clear_object (&self->watch);
}

static void
start_watch (FerryMovePage *self)
{
  self->watch = ferry_follower_watch_new (self->move, FERRY_FOLLOWER_WATCH_INTERVAL_SECONDS);
  g_signal_connect (self->watch, "notify::n-samples", G_CALLBACK (on_watch_sampled), self);
  ferry_job_run_async (FERRY_JOB (self->watch), NULL, watch_ended_cb, NULL);
}

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  FerryMovePage *self;

  if (!ferry_move_refresh_finish (FERRY_MOVE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_MOVE_PAGE (user_data);
  if (FERRY_MOVE (object) != self->move)
    return;   /* overtaken by a newer one */
  if (error != NULL)
    {
      toast (self, error->message);
      gtk_stack_set_visible_child_name (self->stack, "needs");
      return;
    }
  update_rows (self);
  gtk_stack_set_visible_child_name (self->stack, "main");
  sample_now (self);
}

static void
refresh (FerryMovePage *self)
{
  g_autofree char *backup = NULL;

  if (self->move == NULL)
    return;
  backup = g_settings_get_string (self->settings, "backup-last");
  ferry_move_set_backup (self->move, backup[0] ? backup : NULL);
  ferry_move_set_transfer_skipped (self->move,
                                   g_settings_get_boolean (self->settings, "transfer-skipped"));
  ferry_move_refresh_async (self->move, self->cancellable, refreshed_cb, self);
}

static void
rebuild (FerryMovePage *self)
{
  FerryClient *old_client = ferry_account_manager_get_client (self->manager, FERRY_ROLE_OLD);
  FerryClient *new_client = ferry_account_manager_get_client (self->manager, FERRY_ROLE_NEW);
  const char *old_handle = ferry_account_manager_get_handle (self->manager, FERRY_ROLE_OLD);
  const char *new_handle = ferry_account_manager_get_handle (self->manager, FERRY_ROLE_NEW);
  gboolean back = self->direction == FERRY_MOVE_BACK;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  stop_step (self);
  stop_watch (self);
  if (self->move != NULL)
    g_signal_handlers_disconnect_by_data (self->move, self);
  g_clear_object (&self->move);

  if (old_client == NULL || new_client == NULL || old_handle == NULL || new_handle == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "needs");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVE]);
      return;
    }
  self->move = ferry_move_new (old_client, old_handle, new_client, new_handle, self->direction);
  g_signal_connect (self->move, "changed", G_CALLBACK (on_move_changed), self);
  start_watch (self);
  {
    g_autofree char *title =
      g_strdup_printf (back ? _("Move Back From %s to %s") : _("Move From %s to %s"),
                       ferry_move_get_origin_handle (self->move),
                       ferry_move_get_target_handle (self->move));

    gtk_label_set_label (self->title_label, title);
  }
  gtk_label_set_label (
    self->intro_label,
    back ? _("A move back sends the followers who moved back to the old account; those "
             "who stayed there are still there. Its redirect is cancelled first, where "
             "its server allows that: the checks below say what its server allows, and "
             "how soon.")
         : _("The move tells every follower’s server to follow the new account instead. "
             "Nothing else moves with it: back up and transfer first. Each step turns "
             "green by itself when the server shows it done."));
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVE]);
  refresh (self);
}

static void
on_manager_changed (FerryAccountManager *manager,
                    int                  role,
                    FerryMovePage       *self)
{
  const char *old_handle = ferry_account_manager_get_handle (manager, FERRY_ROLE_OLD);
  const char *new_handle = ferry_account_manager_get_handle (manager, FERRY_ROLE_NEW);
  gboolean back = self->direction == FERRY_MOVE_BACK;
  gboolean same;

  if (ferry_account_manager_get_state (manager, role) == FERRY_ACCOUNT_CHECKING ||
      step_running (self))
    return;
  /* The same two accounts: read them again; others: a new move. */
  same = self->move != NULL && old_handle != NULL && new_handle != NULL
         && g_ascii_strcasecmp (ferry_move_get_origin_handle (self->move),
                                back ? new_handle : old_handle)
              == 0
         && g_ascii_strcasecmp (ferry_move_get_target_handle (self->move),
                                back ? old_handle : new_handle)
              == 0;
  if (same)
    refresh (self);
  else
    rebuild (self);
}

/* Steps: each a FerryMoveStageJob the page observes. */

static void
stop_step (FerryMovePage *self)
{
  if (self->job == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->job, self);
  ferry_job_cancel (FERRY_JOB (self->job));
  g_clear_object (&self->job);
  g_clear_pointer (&self->instruction, g_free);
}

static void
on_step_state (FerryMoveStageJob *job,
               GParamSpec        *pspec,
               FerryMovePage     *self)
{
  const GError *error = ferry_job_get_error (FERRY_JOB (job));

  if (!ferry_job_is_ended (FERRY_JOB (job)))
    return;
  g_clear_pointer (&self->instruction, g_free);
  if (ferry_job_get_state (FERRY_JOB (job)) == FERRY_JOB_STATE_FAILED && error != NULL)
    toast (self, error->message);
  update_rows (self);
  if (ferry_job_get_state (FERRY_JOB (job)) != FERRY_JOB_STATE_CANCELLED)
    sample_now (self);
}

static void
step_ended_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The page hears of the end through notify::state, while it is there to hear it. */
  if (!ferry_job_run_finish (FERRY_JOB (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("A step ended: %s", error->message);
}

static void
run_stage (FerryMovePage  *self,
           FerryMoveStage  stage,
           const char     *password)
{
  g_autoptr(FerryMoveHandoff) handoff = ferry_move_get_handoff (self->move, stage);

  stop_step (self);
  if (handoff != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s is on the clipboard."), handoff->copy);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), handoff->copy);
      self->instruction = g_strdup (handoff->instruction);
      toast (self, message);
      if (g_getenv ("FERRY_NO_BROWSER") == NULL)
        gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), handoff->url,
                      GDK_CURRENT_TIME);
    }
  self->job = ferry_move_stage_job_new (self->move, stage, password);
  g_signal_connect (self->job, "notify::state", G_CALLBACK (on_step_state), self);
  ferry_job_run_async (FERRY_JOB (self->job), NULL, step_ended_cb, NULL);
}

static void
password_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      FerryMovePage    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  /* The job copies the password for its one request and wipes it after; the entry's buffer
   * is emptied here, so that it lives nowhere once the dialog is gone. */
  if (g_str_equal (response, "move") && self->move != NULL)
    run_stage (self, FERRY_MOVE_STAGE_MOVE, gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
}

static void
ask_password (FerryMovePage *self)
{
  GtkWidget *entry = gtk_password_entry_new ();
  AdwMessageDialog *dialog;
  const char *origin = ferry_move_get_origin_handle (self->move);
  const char *host = strrchr (origin, '@') != NULL ? strrchr (origin, '@') + 1 : origin;
  g_autofree char *heading = g_strdup_printf (_("Move %s?"), origin);
  /* The sign-in never shows Ferry a password; this is the one place that asks for it, so it
   * says why, and where it goes. */
  g_autofree char *body = g_strdup_printf (
    _("Its followers will be asked to follow %s, and %s will point there.\n\n"
      "This server asks for your password to confirm a move. Ferry sends it only to %s, "
      "once, and forgets it: it is never saved."),
    ferry_move_get_target_handle (self->move), origin, host);

  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body));
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Password"), -1);
  /* Enter in the field does not start the move: it cannot be undone for 30 days. */
  g_object_set (entry, "activates-default", FALSE, NULL);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The dialog may outlive the page: not called on a page that is gone. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (password_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
stage_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FerryMovePage *self = FERRY_MOVE_PAGE (widget);

  if (self->move == NULL)
    return;
  if (g_str_equal (action_name, "page.redirect"))
    run_stage (self, FERRY_MOVE_STAGE_REDIRECT, NULL);
  else if (g_str_equal (action_name, "page.alias"))
    run_stage (self, FERRY_MOVE_STAGE_ALIAS, NULL);
  else if (ferry_move_needs_password (self->move))
    ask_password (self);
  else
    run_stage (self, FERRY_MOVE_STAGE_MOVE, NULL);
}

static void
stop_waiting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FerryMovePage *self = FERRY_MOVE_PAGE (widget);

  stop_step (self);
  refresh (self);
}

static void
confirm_alias_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FerryMovePage *self = FERRY_MOVE_PAGE (widget);

  if (self->move != NULL)
    ferry_move_confirm_alias (self->move);
}

static void
skip_transfer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FerryMovePage *self = FERRY_MOVE_PAGE (widget);

  g_settings_set_boolean (self->settings, "transfer-skipped", TRUE);
  if (self->move != NULL)
    ferry_move_set_transfer_skipped (self->move, TRUE);
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ferry_move_unlock_finish (FERRY_MOVE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (FERRY_MOVE_PAGE (user_data), error->message);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FerryMovePage *self = FERRY_MOVE_PAGE (widget);

  if (self->move != NULL)
    ferry_move_unlock_async (self->move, self->cancellable, unlocked_cb, self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  refresh (FERRY_MOVE_PAGE (widget));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    FerryMovePage   *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL && self->move != NULL)
    {
      if (!ferry_move_export_forecast (self->move, path, &error))
        toast (self, error->message);
      else
        toast (self, _("The list of servers is saved."));
    }
  g_clear_object (&self->chooser);
}

static void
export_forecast_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FerryMovePage *self = FERRY_MOVE_PAGE (widget);

  g_clear_object (&self->chooser);
  self->chooser =
    gtk_file_chooser_native_new (_("Save the Followers’ Servers"),
                                 GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "followers-servers.csv");
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * ferry_move_page_set_direction:
 *
 * Forward (old to new), or back (new to old) after a move.
 */
void
ferry_move_page_set_direction (FerryMovePage      *self,
                               FerryMoveDirection  direction)
{
  g_return_if_fail (FERRY_IS_MOVE_PAGE (self));

  if (self->direction == direction && self->move != NULL)
    return;
  self->direction = direction;
  if (self->manager != NULL)
    rebuild (self);
}

void
ferry_move_page_set_manager (FerryMovePage       *self,
                             FerryAccountManager *manager)
{
  g_return_if_fail (FERRY_IS_MOVE_PAGE (self));
  g_return_if_fail (FERRY_IS_ACCOUNT_MANAGER (manager));

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  g_signal_connect (manager, "changed", G_CALLBACK (on_manager_changed), self);
  rebuild (self);
}

/* Returns: (nullable) (transfer none): the move this page walks through */
FerryMove *
ferry_move_page_get_move (FerryMovePage *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE_PAGE (self), NULL);

  return self->move;
}

/* Shown again: a backup or transfer may have finished meanwhile. */
static void
ferry_move_page_map (GtkWidget *widget)
{
  FerryMovePage *self = FERRY_MOVE_PAGE (widget);

  GTK_WIDGET_CLASS (ferry_move_page_parent_class)->map (widget);
  if (!step_running (self))
    refresh (self);
}

static void
ferry_move_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FerryMovePage *self = FERRY_MOVE_PAGE (object);

  switch (prop_id)
    {
    case PROP_MOVE:
      g_value_set_object (value, self->move);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_move_page_dispose (GObject *object)
{
  FerryMovePage *self = FERRY_MOVE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_step (self);
  stop_watch (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  if (self->move != NULL)
    g_signal_handlers_disconnect_by_data (self->move, self);
  g_clear_object (&self->move);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->instruction, g_free);

  G_OBJECT_CLASS (ferry_move_page_parent_class)->dispose (object);
}

static void
ferry_move_page_class_init (FerryMovePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ferry_move_page_dispose;
  object_class->get_property = ferry_move_page_get_property;
  widget_class->map = ferry_move_page_map;

  properties[PROP_MOVE] = g_param_spec_object ("move", NULL, NULL, FERRY_TYPE_MOVE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FERRY_TYPE_MOVE_NEXT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ferryapp/Ferry/ui/ferry-move-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryMovePage, stack);
  gtk_widget_class_bind_template_child (widget_class, FerryMovePage, next);
  gtk_widget_class_bind_template_child (widget_class, FerryMovePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FerryMovePage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, FerryMovePage, steps_list);
  gtk_widget_class_bind_template_child (widget_class, FerryMovePage, checks_list);
  gtk_widget_class_bind_template_child (widget_class, FerryMovePage, forecast_group);
  gtk_widget_class_bind_template_child (widget_class, FerryMovePage, forecast_list);

  gtk_widget_class_bind_template_callback (widget_class, spinner_mapped);
  gtk_widget_class_bind_template_callback (widget_class, spinner_unmapped);
  gtk_widget_class_install_action (widget_class, "page.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "page.redirect", NULL, stage_action);
  gtk_widget_class_install_action (widget_class, "page.alias", NULL, stage_action);
  gtk_widget_class_install_action (widget_class, "page.move", NULL, stage_action);
  gtk_widget_class_install_action (widget_class, "page.stop-waiting", NULL, stop_waiting_action);
  gtk_widget_class_install_action (widget_class, "page.confirm-alias", NULL, confirm_alias_action);
  gtk_widget_class_install_action (widget_class, "page.skip-transfer", NULL, skip_transfer_action);
  gtk_widget_class_install_action (widget_class, "page.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "page.export-forecast", NULL,
                                   export_forecast_action);
}

static void
ferry_move_page_init (FerryMovePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->direction = FERRY_MOVE_FORWARD;
}
