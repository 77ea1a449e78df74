/* ferry-window.c: Ferry's window: a start screen with the journeys, and each journey an
 * assistant with its steps in a sidebar
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journey is one entry in journeys[] and one child of the main stack named after it;
 * "individual" (moving one's own account) is the only one yet. The open journey is kept
 * in GSettings ("journey") and opened again at the next start. The individual journey is
 * an AdwLeaflet: the steps of the FerryPlan in a sidebar, each with its state in words
 * (done, under way, needs attention, locked with the reason, next), and the step's page;
 * narrow, one of the two at a time, with a back button.
 */

#define G_LOG_DOMAIN "ferry-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-accounts-step.h"
#include "ferry-backup-page.h"
#include "ferry-community-journey.h"
#include "ferry-done-page.h"
#include "ferry-followers-page.h"
#include "ferry-move-page.h"
#include "ferry-transfer-page.h"
#include "ferry-plan.h"
#include "ferry-window.h"

typedef struct
{
  const char *id;        /* the "journey" setting, and the main stack's child */
  const char *icon_name;
  const char *title;     /* N_() */
  const char *sentence;  /* N_() */
} FerryJourney;

static const FerryJourney journeys[] = {
  { "individual", "avatar-default-symbolic", N_("Move My Account"),
    N_("Take your follows, lists, blocks, bookmarks and profile to an account on another "
       "server, and your followers with them.") },
  { "community", "system-users-symbolic", N_("Help a Community Move"),
    N_("For organisers: a roster of the members, a deadline, and who has arrived on the new "
       "server, checked from what the servers show.") },
};

/* The individual journey's steps in the sidebar: the plan's, then the summary. */
typedef struct
{
  FerryStepKind  kind;   /* FERRY_STEP_N_KINDS: the summary after the move */
  const char    *page;   /* the content stack's child */
  const char    *title;  /* N_() */
} FerryJourneyStep;

static const FerryJourneyStep steps[] = {
  { FERRY_STEP_ACCOUNTS, "accounts", N_("Accounts") },
  { FERRY_STEP_CHECKS, "move", N_("Checks") },
  { FERRY_STEP_BACKUP, "backup", N_("Backup") },
  { FERRY_STEP_TRANSFER, "transfer", N_("Transfer") },
  { FERRY_STEP_MOVE, "move", N_("Alias and Move") },
  { FERRY_STEP_WATCH, "followers", N_("Followers") },
  { FERRY_STEP_N_KINDS, "done", N_("Summary") },
};

#define SUMMARY (G_N_ELEMENTS (steps) - 1)

struct _FerryWindow
{
  AdwApplicationWindow  parent_instance;

  FerryPlan            *plan;       /* owned */
  FerryMove            *followed;   /* owned: the move the steps show */
  FerryAccountManager  *manager;    /* owned */
  GtkWidget            *rows[G_N_ELEMENTS (steps)];
  GtkStack             *badges[G_N_ELEMENTS (steps)];
  guint                 shown;      /* index in steps[] of the step on show */

  /* Template widgets */
  GtkStack             *main_stack;
  AdwToastOverlay      *start_toasts;
  GtkListBox           *journeys_list;
  AdwLeaflet           *leaflet;
  GtkListBox           *steps_list;
  GtkWidget            *back_button;
  AdwWindowTitle       *content_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  FerryAccountsStep    *accounts_step;
  FerryBackupPage      *backup_page;
  FerryTransferPage    *transfer_page;
  FerryMovePage        *move_page;
  FerryFollowersPage   *followers_page;
  FerryDonePage        *done_page;
  FerryCommunityJourney *community_journey; /* made when first opened; owned by main_stack */
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

/* The start screen's row of a journey. */
static GtkWidget *
create_journey_row (const FerryJourney *journey)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (journey->icon_name);

  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
  gtk_widget_add_css_class (icon, "journey-icon");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(journey->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(journey->sentence));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "ferry-journey", (gpointer) journey->id);
  return row;
}

/* A sidebar row: a badge (number, check, spinner, warning or lock), the step's name, and
 * its state in words below. */
static GtkWidget *
create_step_row (FerryWindow *self,
                 guint        index)
{
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *badge = gtk_stack_new ();
  GtkWidget *row = adw_action_row_new ();

  gtk_stack_add_named (GTK_STACK (badge), gtk_label_new (number), "number");
  gtk_stack_add_named (GTK_STACK (badge), gtk_image_new_from_icon_name ("object-select-symbolic"),
                       "done");
  gtk_stack_add_named (GTK_STACK (badge), gtk_image_new_from_icon_name ("dialog-warning-symbolic"),
                       "failed");
  gtk_stack_add_named (GTK_STACK (badge), gtk_image_new_from_icon_name ("changes-prevent-symbolic"),
                       "locked");
  gtk_stack_add_named (GTK_STACK (badge), gtk_spinner_new (), "running");
  gtk_widget_add_css_class (badge, "step-number");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  /* The row's title and its state's words say it all; the badge is decoration. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(steps[index].title));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  self->badges[index] = GTK_STACK (badge);
  self->rows[index] = row;
  return row;
}

static FerryAccountState
account_state (FerryWindow *self,
               FerryRole    role)
{
  if (self->manager == NULL)
    return FERRY_ACCOUNT_SIGNED_OUT;
  return ferry_account_manager_get_state (self->manager, role);
}

/* Why step @index of steps[] cannot be opened yet, or NULL. */
static const char *
lock_reason (FerryWindow *self,
             guint        index)
{
  FerryStepKind kind = steps[index].kind;

  if (kind == FERRY_STEP_N_KINDS)
    return ferry_step_get_state (ferry_plan_get_step (self->plan, FERRY_STEP_MOVE)) ==
           FERRY_STEP_STATE_DONE ? NULL : _("Opens after the move");
  return ferry_plan_get_lock_reason (self->plan, kind, account_state (self, FERRY_ROLE_OLD),
                                     account_state (self, FERRY_ROLE_NEW));
}

/* Whether the job doing step @kind is paused by the person. */
static gboolean
is_paused (FerryWindow   *self,
           FerryStepKind  kind)
{
  FerryJob *job = ferry_plan_get_job (self->plan, kind);

  return job != NULL && ferry_job_get_state (job) == FERRY_JOB_STATE_PAUSED;
}

/* Each step's badge and words: locked (with the reason), done, under way, skipped, needs
 * attention, next for the first one still ahead, to do for the others. */
static void
update_steps (FerryWindow *self)
{
  static const struct {
    const char *child;  /* in the badge */
    const char *css;    /* on the badge */
    const char *words;
  } looks[] = {
    [FERRY_STEP_STATE_PENDING] = { "number", NULL, N_("To do") },
    [FERRY_STEP_STATE_RUNNING] = { "running", NULL, N_("Under way") },
    [FERRY_STEP_STATE_DONE] = { "done", "done", N_("Done") },
    [FERRY_STEP_STATE_SKIPPED] = { "number", "skipped", N_("Skipped") },
    [FERRY_STEP_STATE_FAILED] = { "failed", "failed", N_("Needs attention") },
  };
  static const char * const classes[] = { "current", "done", "skipped", "failed", "locked" };
  FerryStep *current = ferry_plan_get_current (self->plan);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *badge = GTK_WIDGET (self->badges[i]);
      const char *reason = lock_reason (self, i);
      FerryStepState state = FERRY_STEP_STATE_DONE;
      const char *child, *css, *words;
      FerryStep *step = NULL;
      gboolean open;

      if (steps[i].kind != FERRY_STEP_N_KINDS)
        {
          step = ferry_plan_get_step (self->plan, steps[i].kind);
          state = ferry_step_get_state (step);
        }
      child = looks[state].child;
      css = looks[state].css;
      words = _(looks[state].words);
      if (reason != NULL && state != FERRY_STEP_STATE_RUNNING)
        {
          child = "locked";
          css = "locked";
          words = reason;
        }
      else if (step == NULL)
        words = _("What happened, what to watch");
      else if (state == FERRY_STEP_STATE_RUNNING && is_paused (self, steps[i].kind))
        {
          /* Under way, but nothing moves until the person resumes it. */
          child = "number";
          css = "current";
          words = _("Paused");
        }
      else if (step == current && state == FERRY_STEP_STATE_PENDING)
        {
          css = "current";
          words = _("Next");
        }

      gtk_stack_set_visible_child_name (self->badges[i], child);
      gtk_spinner_set_spinning (GTK_SPINNER (gtk_stack_get_child_by_name (self->badges[i],
                                                                          "running")),
                                g_str_equal (child, "running"));
      for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
        gtk_widget_remove_css_class (badge, classes[c]);
      if (css != NULL)
        gtk_widget_add_css_class (badge, css);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[i]), words);
      /* A locked step cannot be opened: its reason, readable, says what comes first. */
      open = reason == NULL || state == FERRY_STEP_STATE_RUNNING;
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->rows[i]), open);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self->rows[i]), open);
      if (open)
        gtk_widget_remove_css_class (self->rows[i], "locked");
      else
        gtk_widget_add_css_class (self->rows[i], "locked");
    }
  /* The step on show, opened while it was locked, has its row once it opens. */
  if (gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (self->rows[self->shown])))
    gtk_list_box_select_row (self->steps_list, GTK_LIST_BOX_ROW (self->rows[self->shown]));
}

/* Shows step @index of steps[]; narrow, the step instead of the list. */
static void
show_step (FerryWindow *self,
           guint        index)
{
  self->shown = index;
  gtk_stack_set_visible_child_name (self->content_stack, steps[index].page);
  adw_window_title_set_title (self->content_title,
                              index == SUMMARY ? _("Your Move Is Done") : _(steps[index].title));
  /* A locked step opened from a page's button: no row stands for it. */
  if (gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (self->rows[index])))
    gtk_list_box_select_row (self->steps_list, GTK_LIST_BOX_ROW (self->rows[index]));
  else
    gtk_list_box_unselect_all (self->steps_list);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
on_step_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       FerryWindow   *self)
{
  guint index = gtk_list_box_row_get_index (row);

  if (index < G_N_ELEMENTS (steps) && gtk_list_box_row_get_activatable (row))
    show_step (self, index);
  else   /* locked: the step on show stays the one chosen */
    gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (self->rows[self->shown]));
}

/* The step to land on when the journey opens: the summary once moved, else the first
 * one still ahead that can be opened. */
static guint
landing_step (FerryWindow *self)
{
  FerryStep *current = ferry_plan_get_current (self->plan);

  if (lock_reason (self, SUMMARY) == NULL &&
      (current == NULL || ferry_step_get_kind (current) == FERRY_STEP_WATCH))
    return SUMMARY;
  for (guint i = 0; current != NULL && i < SUMMARY; i++)
    if (steps[i].kind == ferry_step_get_kind (current) && lock_reason (self, i) == NULL)
      return i;
  return 0;
}

/* Opens journey @id ("individual"), or the start screen for "" or one not known. */
static void
open_journey (FerryWindow *self,
              const char  *id)
{
  GSettings *settings = get_settings (self);
  const char *open = "";

  for (guint i = 0; i < G_N_ELEMENTS (journeys); i++)
    if (g_strcmp0 (id, journeys[i].id) == 0)
      open = journeys[i].id;
  if (settings != NULL)
    g_settings_set_string (settings, "journey", open);
  if (open[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->main_stack, "start");
      return;
    }
  if (g_str_equal (open, "community"))
    {
      FerryCommunityJourney *journey = ferry_window_get_community_journey (self);

      gtk_stack_set_visible_child_name (self->main_stack, open);
      ferry_community_journey_show_list (journey);
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, open);
  show_step (self, landing_step (self));
  /* Narrow, the list of steps comes first. */
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
on_journey_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          FerryWindow   *self)
{
  open_journey (self, g_object_get_data (G_OBJECT (row), "ferry-journey"));
}

static void
on_back_clicked (FerryWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
follow_move (FerryWindow *self)
{
  ferry_plan_follow (self->plan, self->followed);
  update_steps (self);
}

/* The move step just finished while its page was on show: on to what happened. */
static void
on_move_step_state (FerryStep   *step,
                    GParamSpec  *pspec,
                    FerryWindow *self)
{
  if (ferry_step_get_state (step) == FERRY_STEP_STATE_DONE &&
      g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "move"))
    show_step (self, SUMMARY);
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
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  /* Nothing the pages end while they go (their jobs) reaches the rows after them. */
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->plan, self);
      g_signal_handlers_disconnect_by_data (ferry_plan_get_step (self->plan, FERRY_STEP_MOVE),
                                            self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FERRY_TYPE_WINDOW);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (ferry_window_parent_class)->dispose (object);
}

/* win.show-backup, win.show-old, win.show-start: the page after the dot. */
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
  ferry_done_page_set_move (self->done_page, move);
  /* The steps follow the move too, as far as it was last checked. */
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
  const char *pages[] = { "start", "old", "new", "backup", "transfer", "followers", "done" };

  object_class->dispose = ferry_window_dispose;

  window_class->close_request = ferry_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/ferry-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, start_toasts);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, journeys_list);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, steps_list);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, accounts_step);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, backup_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, transfer_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, move_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, followers_page);
  gtk_widget_class_bind_template_child (widget_class, FerryWindow, done_page);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strconcat ("win.show-", pages[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, show_page_action);
    }
  gtk_widget_class_install_action (widget_class, "win.show-move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.move-back", NULL, move_action);

  g_type_ensure (FERRY_TYPE_ACCOUNTS_STEP);
  g_type_ensure (FERRY_TYPE_BACKUP_PAGE);
  g_type_ensure (FERRY_TYPE_TRANSFER_PAGE);
  g_type_ensure (FERRY_TYPE_MOVE_PAGE);
  g_type_ensure (FERRY_TYPE_FOLLOWERS_PAGE);
  g_type_ensure (FERRY_TYPE_DONE_PAGE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
ferry_window_init (FerryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  for (guint i = 0; i < G_N_ELEMENTS (journeys); i++)
    gtk_list_box_append (self->journeys_list, create_journey_row (&journeys[i]));
  g_signal_connect (self->journeys_list, "row-activated",
                    G_CALLBACK (on_journey_row_activated), self);

  self->plan = ferry_plan_new ();
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_list_box_append (self->steps_list, create_step_row (self, i));
  g_signal_connect (self->steps_list, "row-activated", G_CALLBACK (on_step_row_activated), self);
  /* Each step's row follows its state, whoever changes it (a job, the move as checked). */
  g_signal_connect_swapped (self->plan, "changed", G_CALLBACK (update_steps), self);
  g_signal_connect (ferry_plan_get_step (self->plan, FERRY_STEP_MOVE), "notify::state",
                    G_CALLBACK (on_move_step_state), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back_clicked), self);
  update_steps (self);
  show_step (self, 0);
}

FerryWindow *
ferry_window_new (FerryApplication *application)
{
  FerryAccountManager *manager;
  FerryJobManager *jobs;
  GSettings *settings;
  FerryWindow *self;

  g_return_val_if_fail (FERRY_IS_APPLICATION (application), NULL);

  self = g_object_new (FERRY_TYPE_WINDOW, "application", application, NULL);
  manager = ferry_application_get_account_manager (application);
  jobs = ferry_application_get_job_manager (application);
  /* Not in constructed(): "application" is set only after construction. */
  restore_window_state (self);
  self->manager = g_object_ref (manager);
  g_signal_connect_swapped (manager, "changed", G_CALLBACK (update_steps), self);
  ferry_accounts_step_set_manager (self->accounts_step, manager);
  ferry_backup_page_set_job_manager (self->backup_page, jobs);
  /* The steps follow the jobs the manager runs (sign-in, backup, the move's). */
  ferry_plan_set_job_manager (self->plan, jobs);
  ferry_backup_page_set_manager (self->backup_page, manager);
  ferry_transfer_page_set_job_manager (self->transfer_page, jobs);
  ferry_transfer_page_set_manager (self->transfer_page, manager);
  g_signal_connect_object (self->move_page, "notify::move", G_CALLBACK (on_move_notify), self, 0);
  ferry_move_page_set_manager (self->move_page, manager);
  update_steps (self);

  /* The journey under way when Ferry was last used. */
  settings = ferry_application_get_settings (application);
  {
    g_autofree char *journey = g_settings_get_string (settings, "journey");

    open_journey (self, journey);
  }

  return self;
}

/**
 * ferry_window_show_message:
 * @message: one sentence for the person, already translated
 *
 * Shows a short message at the bottom of the window's content.
 */
void
ferry_window_show_message (FerryWindow *self,
                           const char  *message)
{
  AdwToastOverlay *overlay;

  g_return_if_fail (FERRY_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  overlay = g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "start")
            ? self->start_toasts : self->toast_overlay;
  adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
}

/**
 * ferry_window_show_page:
 * @name: "start"; "overview" (the journey, at its step ahead); "old" or "new" (the
 *   accounts); "backup", "transfer", "move", "followers" or "done"
 *
 * Opens the individual journey at that page, also a step the sidebar shows as locked:
 * the pages that lead there explain what comes first themselves.
 */
void
ferry_window_show_page (FerryWindow *self,
                        const char  *name)
{
  g_return_if_fail (FERRY_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (g_str_equal (name, "start"))
    {
      open_journey (self, "");
      return;
    }
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "individual"))
    open_journey (self, "individual");
  if (g_str_equal (name, "overview"))
    {
      show_step (self, landing_step (self));
      adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
      return;
    }
  if (g_str_equal (name, "old") || g_str_equal (name, "new"))
    name = "accounts";
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      /* The move page is the checks' too: "move" is the step of the move itself. */
      if (g_str_equal (steps[i].page, name) &&
          (steps[i].kind != FERRY_STEP_CHECKS || self->shown == i))
        {
          show_step (self, i);
          return;
        }
    }
  g_return_if_reached ();
}

/* Returns: (transfer none): the page of @role's account */
GtkWidget *
ferry_window_get_account_page (FerryWindow *self,
                               FerryRole    role)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);

  return ferry_accounts_step_get_page (self->accounts_step, role);
}

/**
 * ferry_window_get_community_journey:
 *
 * The community journey, made when it is first wanted: a person who only moves their own
 * account never pays for its pages (nor their types, nor the communities read from disk).
 *
 * Returns: (transfer none): the journey, a child of the main stack
 */
FerryCommunityJourney *
ferry_window_get_community_journey (FerryWindow *self)
{
  g_return_val_if_fail (FERRY_IS_WINDOW (self), NULL);

  if (self->community_journey == NULL)
    {
      FerryApplication *application =
        FERRY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      self->community_journey = g_object_new (FERRY_TYPE_COMMUNITY_JOURNEY, NULL);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->community_journey), "community");
      ferry_community_journey_set_managers (self->community_journey,
                                            ferry_application_get_community_store (application),
                                            ferry_application_get_account_manager (application),
                                            ferry_application_get_job_manager (application));
    }
  return self->community_journey;
}
