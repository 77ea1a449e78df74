/* ferry-window.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-account-page.h"
#include "ferry-backup-page.h"
#include "ferry-followers-page.h"
#include "ferry-move-page.h"
#include "ferry-transfer-page.h"
#include "ferry-plan.h"
#include "ferry-window.h"

struct _FerryWindow
{
  AdwApplicationWindow  parent_instance;

  FerryPlan            *plan;      /* owned */
  FerryMove            *followed;  /* owned: the move the overview shows */
  GtkStack             *step_badges[FERRY_STEP_N_KINDS];
  GtkLabel             *step_states[FERRY_STEP_N_KINDS];

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *welcome_page;
  AdwPreferencesGroup  *steps_group;
  GtkListBox           *steps_list;
  AdwViewStack         *view_stack;
  FerryAccountPage     *old_page;
  FerryAccountPage     *new_page;
  FerryBackupPage      *backup_page;
  FerryTransferPage    *transfer_page;
  FerryMovePage        *move_page;
  FerryFollowersPage   *followers_page;
};

G_DEFINE_FINAL_TYPE (FerryWindow, ferry_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
get_settings (FerryWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!FERRY_IS_APPLICATION (app))
    return NULL;

  return ferry_application_get_settings (FERRY_APPLICATION (app));
}

/* The page each overview row leads to. */
static const char * const step_pages[FERRY_STEP_N_KINDS] = {
  [FERRY_STEP_ACCOUNTS] = "old",
  [FERRY_STEP_CHECKS] = "move",
  [FERRY_STEP_BACKUP] = "backup",
  [FERRY_STEP_TRANSFER] = "transfer",
  [FERRY_STEP_MOVE] = "move",
  [FERRY_STEP_WATCH] = "followers",
};

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  FerryWindow *self = user_data;
  FerryStep *step = item;
  FerryStepKind kind = ferry_step_get_kind (step);
  g_autofree char *number = g_strdup_printf ("%u", kind + 1);
  GtkWidget *badge = gtk_stack_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *state = gtk_label_new (NULL);
  GtkWidget *row = adw_action_row_new ();

  gtk_stack_add_named (GTK_STACK (badge), gtk_label_new (number), "number");
  gtk_stack_add_named (GTK_STACK (badge), gtk_image_new_from_icon_name ("object-select-symbolic"), "done");
  gtk_stack_add_named (GTK_STACK (badge), gtk_image_new_from_icon_name ("dialog-warning-symbolic"), "failed");
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_stack_add_named (GTK_STACK (badge), spinner, "running");
  gtk_widget_add_css_class (badge, "step-number");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  /* The row's title and its state's words say it all; the badge is decoration. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_add_css_class (state, "caption");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ferry_step_get_title (step));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ferry_step_get_summary (step));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);

  self->step_badges[kind] = GTK_STACK (badge);
  self->step_states[kind] = GTK_LABEL (state);

  return row;
}

/* Each step's badge and words from the plan: done, under way, skipped, needs
 * attention, or next for the first one still ahead. */
static void
update_steps (FerryWindow *self)
{
  static const struct {
    const char *child;  /* in the badge */
    const char *css;    /* on the badge */
    const char *words;
  } looks[] = {
    [FERRY_STEP_STATE_PENDING] = { "number", NULL, NULL },
    [FERRY_STEP_STATE_RUNNING] = { "running", "current", N_("Under way") },
    [FERRY_STEP_STATE_DONE] = { "done", "done", N_("Done") },
    [FERRY_STEP_STATE_SKIPPED] = { "number", "skipped", N_("Skipped") },
    [FERRY_STEP_STATE_FAILED] = { "failed", "failed", N_("Needs attention") },
  };
  FerryStep *current = ferry_plan_get_current (self->plan);

  for (guint i = 0; i < FERRY_STEP_N_KINDS; i++)
    {
      FerryStep *step = ferry_plan_get_step (self->plan, i);
      GtkWidget *badge = GTK_WIDGET (self->step_badges[i]);
      FerryStepState state = ferry_step_get_state (step);
      const char *css = looks[state].css;
      const char *words = looks[state].words;

      if (step == current && state == FERRY_STEP_STATE_PENDING)
        {
          css = "current";
          words = N_("Next");
        }
      gtk_stack_set_visible_child_name (self->step_badges[i], looks[state].child);
      for (guint l = 0; l < G_N_ELEMENTS (looks); l++)
        if (looks[l].css != NULL)
          gtk_widget_remove_css_class (badge, looks[l].css);
      if (css != NULL)
        gtk_widget_add_css_class (badge, css);
      gtk_label_set_label (self->step_states[i], words != NULL ? _(words) : "");
      gtk_widget_set_visible (GTK_WIDGET (self->step_states[i]), words != NULL);
    }
}

static void
on_steps_row_activated (GtkListBox    *list,
                        GtkListBoxRow *row,
                        FerryWindow   *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  int index = gtk_list_box_row_get_index (row);

  /* Signing in: to the account still missing. */
  if (index == FERRY_STEP_ACCOUNTS && FERRY_IS_APPLICATION (app) &&
      ferry_account_manager_get_state (ferry_application_get_account_manager (FERRY_APPLICATION (app)),
                                       FERRY_ROLE_OLD) == FERRY_ACCOUNT_SIGNED_IN)
    ferry_window_show_page (self, "new");
  else
    ferry_window_show_page (self, step_pages[index]);
}

static void
follow_move (FerryWindow *self)
{
  ferry_plan_follow (self->plan, self->followed);
  update_steps (self);
  /* Once a move is under way, its progress matters more than the welcome. */
  if (self->followed != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->welcome_page), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->welcome_page), "compact");
  adw_preferences_group_set_title (self->steps_group, self->followed != NULL ? _("Your Move") : _("How a Move Goes"));
}

static void
restore_window_state (FerryWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
ferry_window_close_request (GtkWindow *window)
{
  FerryWindow *self = FERRY_WINDOW (window);
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      /* The default size is the size without the maximized state. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (ferry_window_parent_class)->close_request (window);
}

static void
ferry_window_dispose (GObject *object)
{
  FerryWindow *self = FERRY_WINDOW (object);

  if (self->followed != NULL)
    g_signal_handlers_disconnect_by_data (self->followed, self);
  g_clear_object (&self->followed);
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_WINDOW);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ferry_window_parent_class)->dispose (object);
}

/* win.show-backup, win.show-old: the page after the dot. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ferry_window_show_page (FERRY_WINDOW (widget), action_name + strlen ("win.show-"));
}

/* The Move page, forward; or back, from the old account's page once it has moved. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FerryWindow *self = FERRY_WINDOW (widget);

  ferry_move_page_set_direction (self->move_page, g_str_equal (action_name, "win.move-back")
                                                    ? FERRY_MOVE_BACK : FERRY_MOVE_FORWARD);
  ferry_window_show_page (self, "move");
}

static void
on_move_notify (FerryMovePage *page,
                GParamSpec    *pspec,
                FerryWindow   *self)
{
  FerryMove *move = ferry_move_page_get_move (page);

  ferry_followers_page_set_move (self->followers_page, move);
  /* The overview follows the move too, as far as it was last checked. */
  if (self->followed != NULL)
    g_signal_handlers_disconnect_by_data (self->followed, self);
  g_set_object (&self->followed, move);
  if (move != NULL)
    g_signal_connect_swapped (move, "changed", G_CALLBACK (follow_move), self);
  follow_move (self);
}

static void
ferry_window_class_init (FerryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ferry_window_dispose;

  window_class->close_request = ferry_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/ferry-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, steps_list);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, steps_group);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, old_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, new_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, backup_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, transfer_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, move_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, followers_page);

  gtk_widget_class_install_action (widget_class, "win.show-backup", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-old", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-new", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-transfer", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.move-back", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.show-followers", NULL, show_page_action);

  g_type_ensure (FERRY_TYPE_ACCOUNT_PAGE);
  g_type_ensure (FERRY_TYPE_BACKUP_PAGE);
  g_type_ensure (FERRY_TYPE_TRANSFER_PAGE);
  g_type_ensure (FERRY_TYPE_MOVE_PAGE);
  g_type_ensure (FERRY_TYPE_FOLLOWERS_PAGE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
ferry_window_init (FerryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->plan = ferry_plan_new ();
  gtk_list_box_bind_model (self->steps_list, G_LIST_MODEL (self->plan), create_step_row, self, NULL);
  g_signal_connect (self->steps_list, "row-activated", G_CALLBACK (on_steps_row_activated), self);
  update_steps (self);
}

FerryWindow *
ferry_window_new (FerryApplication *application)
{
  FerryWindow *self;

  g_return_val_if_fail (FERRY_IS_APPLICATION (application), NULL);

  self = g_object_new (FERRY_TYPE_WINDOW, "application", application, NULL);
  /* Not in constructed(): "application" is set only after construction. */
  restore_window_state (self);
  ferry_account_page_set_manager (self->old_page, ferry_application_get_account_manager (application));
  ferry_account_page_set_manager (self->new_page, ferry_application_get_account_manager (application));
  ferry_backup_page_set_job_manager (self->backup_page,
                                     ferry_application_get_job_manager (application));
  /* The overview's steps follow the jobs the manager runs (sign-in, backup, the move's). */
  ferry_plan_set_job_manager (self->plan, ferry_application_get_job_manager (application));
  ferry_backup_page_set_manager (self->backup_page, ferry_application_get_account_manager (application));
  ferry_transfer_page_set_job_manager (self->transfer_page,
                                       ferry_application_get_job_manager (application));
  ferry_transfer_page_set_manager (self->transfer_page, ferry_application_get_account_manager (application));
  g_signal_connect_object (self->move_page, "notify::move", G_CALLBACK (on_move_notify), self, 0);
  ferry_move_page_set_manager (self->move_page, ferry_application_get_account_manager (application));

  return self;
}

/**
 * ferry_window_show_message:
 * @message: one sentence for the person, already translated
 *
 * Shows a short message at the bottom of the window.
 */
void
ferry_window_show_message (FerryWindow *self,
                           const char  *message)
{
  g_return_if_fail (FERRY_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * ferry_window_show_page:
 * @name: "overview", "old", "new", "backup", "transfer", "move" or "followers"
 */
void
ferry_window_show_page (FerryWindow *self,
                        const char  *name)
{
  g_return_if_fail (FERRY_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Returns: (transfer none): the page of @role's account */
GtkWidget *
ferry_window_get_account_page (FerryWindow *self,
                               FerryRole    role)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);

  return GTK_WIDGET (role == FERRY_ROLE_OLD ? self->old_page : self->new_page);
}
