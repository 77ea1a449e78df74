/* test-ui-flows.c: the transfer and the move, driven through their pages
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of test-ui: /ui/accounts signs in and backs up, then hands its window to these (its
 * main() sets up the application, fedisim and the accounts, and passes them on with
 * ferry_ui_flows_init()).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fedisim-browser.h"
#include "ferry-done-page.h"
#include "ferry-followers-page.h"
#include "ferry-move-next.h"
#include "ferry-move-page.h"
#include "ferry-state-icon.h"
#include "ferry-transfer-page.h"
#include "ferry-ui-journey.h"
#include "ferry-ui-test-util.h"
#include "test-ui-flows.h"

static FerryApplication *app;
static FedisimWorld *world;
static FerryAccountManager *manager;

static gboolean
stack_shows (gpointer data)
{
  GtkStack *stack = GTK_STACK (ferry_ui_find_widget_of_type (GTK_WIDGET (data), GTK_TYPE_STACK));
  const char *wanted = g_object_get_data (G_OBJECT (data), "ferry-test-wanted");

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), wanted) == 0;
}

/* GoToSocial works its import off in the background, a row at a time (fedisim-csv.c, as its
 * source does): the world's clock runs fast meanwhile, so that those minutes pass in moments. */
static gboolean
advance_world_cb (gpointer data)
{
  fedisim_world_advance (world, 10);
  return G_SOURCE_CONTINUE;
}

/* The window's y of @widget's top, to say what is above what. */
static double
window_y (GtkWidget *widget)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t out;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                           &point, &out));
  return out.y;
}

/* The state icons on @root's rows that show: each names its state for a screen reader, in
 * the words of its state (never "•••" or nothing). Returns how many show. */
static guint
check_state_icons (GtkWidget *root,
                   GtkWidget *above)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (FERRY_IS_STATE_ICON (child) && gtk_widget_is_drawable (child))
        {
          FerryStepState state = ferry_state_icon_get_state (FERRY_STATE_ICON (child));

          const char *label = ferry_state_icon_get_label (FERRY_STATE_ICON (child));

          g_assert_nonnull (label);
          g_assert_cmpstr (label, ==, ferry_state_icon_describe (state));
          g_assert_true (state == FERRY_STEP_STATE_PENDING ? g_str_equal (label, _("Waiting"))
                                                           : !g_str_equal (label, _("Waiting")));
          /* Pause/Resume/Stop come before the detail, not below a long list. */
          if (above != NULL)
            g_assert_cmpfloat (window_y (above), <, window_y (child));
          n++;
        }
      n += check_state_icons (child, above);
    }
  return n;
}

/* The running page of a paused job: it says paused, offers Resume where it is seen, and its
 * list of parts is there from the start. */
void
ferry_ui_assert_paused (GtkWidget *page)
{
  GtkStack *stack = GTK_STACK (ferry_ui_find_widget_of_type (page, GTK_TYPE_STACK));
  GtkWidget *running = gtk_stack_get_child_by_name (stack, "running");
  GtkWidget *pause = ferry_ui_find_widget (running, ferry_ui_is_button_with_action, "page.pause");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "running");
  g_assert_nonnull (pause);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pause)), ==, _("_Resume"));
  g_assert_true (gtk_widget_is_drawable (pause));
  /* Positions once the rows have been laid out (a frame or two after they show). */
  ferry_ui_wait_for_frames (running, 3);
  g_assert_cmpuint (check_state_icons (running, pause), >, 0);
}

/* Transfers the backup just made to the new account, from the Transfer page. */
void
ferry_ui_transfer_through_page (FerryWindow *window)
{
  guint clock_id;
  FerryTransfer *transfer;
  GtkWidget *page = ferry_ui_find_widget_of_type (GTK_WIDGET (window), FERRY_TYPE_TRANSFER_PAGE);
  GtkStack *stack = GTK_STACK (ferry_ui_find_widget_of_type (page, GTK_TYPE_STACK));
  GtkWidget *finished_child = gtk_stack_get_child_by_name (stack, "finished");
  AdwStatusPage *finished = ADW_STATUS_PAGE (ferry_ui_find_widget_of_type (finished_child,
                                                                           ADW_TYPE_STATUS_PAGE));

  /* The backup done, the transfer opens; the checks still want it (or it skipped). */
  {
    const char *backed_up[FERRY_UI_N_STEPS] = {
      N_("Done"), N_("Needs attention"), N_("Done"), N_("To do"),
      N_("To do"), N_("Opens after the move"), N_("Opens after the move"),
    };

    ferry_ui_assert_steps (window, backed_up);
  }
  ferry_ui_open_step (window, _("Transfer"), "transfer");
  g_object_set_data (G_OBJECT (page), "ferry-test-wanted", (gpointer) "setup");
  ferry_ui_spin (10000, stack_shows, page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "setup");
  ferry_ui_take_screenshot (GTK_WIDGET (window), "transfer-setup");

  g_assert_true (gtk_widget_activate_action (page, "page.start", NULL));
  g_assert_true (gtk_widget_activate_action (page, "page.pause", NULL));
  ferry_ui_spin (800, NULL, NULL);
  g_assert_cmpstr (ferry_ui_step_state (window, _("Transfer")), ==, _("Paused"));
  transfer = ferry_transfer_page_get_transfer (FERRY_TRANSFER_PAGE (page));
  g_assert_cmpint (ferry_job_get_state (FERRY_JOB (transfer)), ==, FERRY_JOB_STATE_PAUSED);
  ferry_ui_assert_paused (page);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "transfer-running");
  g_assert_true (gtk_widget_activate_action (page, "page.pause", NULL));
  g_object_set_data (G_OBJECT (page), "ferry-test-wanted", (gpointer) "finished");
  clock_id = g_timeout_add (50, advance_world_cb, NULL);
  ferry_ui_spin (60000, stack_shows, page);
  g_source_remove (clock_id);
  g_test_message ("the transfer says: %s: %s", adw_status_page_get_title (finished),
                  adw_status_page_get_description (finished));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "finished");
  /* The small fixture holds a post the new server cannot reach, and more: each explained. */
  g_assert_cmpstr (adw_status_page_get_title (finished), ==, _("Some Items Are Missing"));
  g_assert_nonnull (ferry_transfer_page_get_transfer (FERRY_TRANSFER_PAGE (page)));
  g_assert_cmpuint (ferry_transfer_get_n_missing (ferry_transfer_page_get_transfer
                                                    (FERRY_TRANSFER_PAGE (page))), <, 20);
  g_assert_cmpstr (ferry_ui_step_state (window, _("Transfer")), ==, _("Done"));
  /* Missing items: a warning, with its name, never a light bulb. */
  g_assert_cmpstr (adw_status_page_get_icon_name (finished), ==, "dialog-warning-symbolic");
  g_assert_cmpuint (check_state_icons (gtk_stack_get_child_by_name (stack, "finished"), NULL),
                    >, 0);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "transfer-finished");
  ferry_ui_photograph_narrow (window, "transfer-narrow");

  /* A transfer under way when Ferry closed goes on by itself at the next start: the job
   * manager has it on disk. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *last = g_settings_get_string (settings, "backup-last");
    FerryJobManager *jobs = ferry_application_get_job_manager (FERRY_APPLICATION (app));
    FerryWindow *second;
    GtkWidget *again;

    g_assert_false (ferry_job_manager_is_unfinished (jobs, "FerryTransfer", last));
    ferry_job_manager_remember (jobs, "FerryTransfer", last);
    second = ferry_ui_new_window (app);
    ferry_window_show_page (second, "transfer");
    again = ferry_ui_find_widget_of_type (GTK_WIDGET (second), FERRY_TYPE_TRANSFER_PAGE);
    g_object_set_data (G_OBJECT (again), "ferry-test-wanted", (gpointer) "finished");
    ferry_ui_spin (60000, stack_shows, again);
    g_assert_true (stack_shows (again));
    g_assert_false (ferry_job_manager_is_unfinished (jobs, "FerryTransfer", last));
    gtk_window_destroy (GTK_WINDOW (second));
  }
}

static gboolean
transfer_not_running (gpointer data)
{
  return !ferry_job_is_active (FERRY_JOB (data));
}

static gboolean
transfer_running (gpointer data)
{
  return !transfer_not_running (data);
}

static gboolean
page_has_transfer (gpointer data)
{
  return ferry_transfer_page_get_transfer (FERRY_TRANSFER_PAGE (data)) != NULL;
}

/* A page that goes while its transfer prepares (requests in flight) or runs: its callbacks
 * come after it is gone and must not touch it (ASan sees a use after free if they do). */
void
ferry_ui_transfer_page_disposed (FedisimServer *new)
{
  g_autofree char *state_dir = g_dir_make_tmp ("ferry-jobs-XXXXXX", NULL);
  g_autofree char *state_path = g_build_filename (state_dir, "jobs.json", NULL);
  g_autoptr(GFile) state = g_file_new_for_path (state_path);
  g_autoptr(FerryJobManager) jobs = ferry_job_manager_new (state);

  /* Every answer of the new server takes a while: the page goes with requests in flight. */
  fedisim_server_add_fault (new, "*", FEDISIM_FAULT_LATENCY, 1000, 0);
  for (guint round = 0; round < 3; round++)
    {
      GtkWidget *page = g_object_ref_sink (g_object_new (FERRY_TYPE_TRANSFER_PAGE, NULL));
      g_autoptr(FerryTransfer) transfer = NULL;

      ferry_transfer_page_set_manager (FERRY_TRANSFER_PAGE (page), manager);
      ferry_transfer_page_set_job_manager (FERRY_TRANSFER_PAGE (page), jobs);
      if (round == 0)
        {
          /* Preparing: the manifest, then the new account's credentials and server. */
          ferry_ui_spin (5000, page_has_transfer, page);
          transfer = ferry_transfer_page_get_transfer (FERRY_TRANSFER_PAGE (page));
          g_assert_nonnull (transfer);
          g_object_ref (transfer);
        }
      else
        {
          g_object_set_data (G_OBJECT (page), "ferry-test-wanted", (gpointer) "setup");
          ferry_ui_spin (10000, stack_shows, page);
          g_assert_true (stack_shows (page));
          g_assert_true (gtk_widget_activate_action (page, "page.start", NULL));
          transfer = g_object_ref (ferry_transfer_page_get_transfer (FERRY_TRANSFER_PAGE (page)));
          ferry_ui_spin (3000, transfer_running, transfer);
          g_assert_true (transfer_running (transfer));
          ferry_ui_spin (300, NULL, NULL);   /* its first requests go out, and wait for answers */
        }
      if (round == 2)
        {
          GtkStack *stack = GTK_STACK (ferry_ui_find_widget_of_type (page, GTK_TYPE_STACK));
          AdwStatusPage *finished =
            ADW_STATUS_PAGE (ferry_ui_find_widget_of_type (gtk_stack_get_child_by_name (stack,
                                                                                        "finished"),
                                                           ADW_TYPE_STATUS_PAGE));
          g_autofree char *left = NULL;

          /* Stopped by the person: the page says so once the run has ended. */
          g_assert_true (gtk_widget_activate_action (page, "page.stop", NULL));
          g_object_set_data (G_OBJECT (page), "ferry-test-wanted", (gpointer) "finished");
          ferry_ui_spin (10000, stack_shows, page);
          g_assert_true (stack_shows (page));
          g_assert_true (transfer_not_running (transfer));
          g_assert_cmpstr (adw_status_page_get_title (finished), ==, _("Transfer Stopped"));
          left = g_file_get_path (ferry_transfer_get_backup_dir (transfer));
          g_assert_false (ferry_job_manager_is_unfinished (jobs, "FerryTransfer", left));
        }
      g_object_unref (page);   /* disposed and finalized: nothing else holds it */

      /* What was under way ends, cancelled, and says so to no one. */
      ferry_ui_spin (10000, transfer_not_running, transfer);
      g_assert_true (transfer_not_running (transfer));
      ferry_ui_spin (round == 0 ? 2000 : 500, NULL, NULL);
      if (round == 1)
        {
          /* The run left off is remembered for the next start: the page did not end it. */
          g_autofree char *left = g_file_get_path (ferry_transfer_get_backup_dir (transfer));

          g_assert_true (ferry_job_manager_is_unfinished (jobs, "FerryTransfer", left));
          ferry_job_manager_forget (jobs, "FerryTransfer", left);   /* no resume next */
        }
    }
  fedisim_server_clear_faults (new);
}

typedef struct
{
  GtkWidget       *page;
  FerryMoveStage   stage;
  FerryMoveStatus  status;
} MoveWait;

static gboolean
move_stage_is (gpointer data)
{
  MoveWait *wait = data;
  FerryMove *move = ferry_move_page_get_move (FERRY_MOVE_PAGE (wait->page));

  return move != NULL && ferry_move_get_status (move, wait->stage) == wait->status;
}

static void
wait_for_stage (MoveWait        *wait,
                FerryMoveStage   stage,
                FerryMoveStatus  status)
{
  wait->stage = stage;
  wait->status = status;
  ferry_ui_spin (30000, move_stage_is, wait);
  if (!move_stage_is (wait))
    {
      FerryMove *move = ferry_move_page_get_move (FERRY_MOVE_PAGE (wait->page));
      GPtrArray *checks = move != NULL ? ferry_move_get_checks (move) : NULL;

      /* What the checks said, for the log of a failed run. */
      for (guint i = 0; checks != NULL && i < checks->len; i++)
        {
          FerryMoveCheck *check = g_ptr_array_index (checks, i);

          g_test_message ("check %s: %d: %s", check->id, check->level, check->detail);
        }
      if (move != NULL)
        g_test_message ("stage %d: status %d: %s", stage, ferry_move_get_status (move, stage),
                        ferry_move_get_detail (move, stage));
    }
  g_assert_true (move_stage_is (wait));
}

/* The move page's top: its status line, and the buttons on screen with the suggested look. */
static const char *
top_line (GtkWidget *page)
{
  GtkWidget *next = ferry_ui_find_widget_of_type (page, FERRY_TYPE_MOVE_NEXT);

  g_assert_nonnull (next);
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (next)));
}

static void
find_suggested (GtkWidget *widget,
                GPtrArray *found)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      gtk_widget_has_css_class (widget, "suggested-action"))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_suggested (child, found);
}

typedef struct
{
  GtkWidget  *page;
  const char *line;
} TopWait;

static gboolean
top_line_is (gpointer data)
{
  TopWait *wait = data;

  return g_strcmp0 (top_line (wait->page), wait->line) == 0;
}

/* The top says @line; its one suggested button (none when @action is %NULL) does @action,
 * and is clicked, as a person would, when @click. */
static void
assert_top (GtkWidget  *page,
            const char *line,
            const char *action,
            gboolean    click)
{
  TopWait wait = { page, line };
  g_autoptr(GPtrArray) suggested = g_ptr_array_new ();

  ferry_ui_spin (10000, top_line_is, &wait);
  ferry_ui_wait_for_frames (page, 2);
  g_assert_cmpstr (top_line (page), ==, line);
  find_suggested (page, suggested);
  g_assert_cmpuint (suggested->len, ==, action != NULL ? 1 : 0);
  if (action == NULL)
    return;
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (suggested->pdata[0])), ==,
                   action);
  if (click)
    g_signal_emit_by_name (suggested->pdata[0], "clicked");
}

static gboolean
stragglers_counted (gpointer data)
{
  return ferry_followers_page_get_n_stragglers (FERRY_FOLLOWERS_PAGE (data)) > 0;
}

/* The move from the Move page: the alias through GoToSocial's API, the move on Mastodon's
 * web page (the scripted browser as the person), then the followers. */
void
ferry_ui_move_through_page (FerryWindow   *window,
                   FedisimServer *old,
                   FedisimServer *new)
{
  GtkWidget *page = ferry_ui_find_widget_of_type (GTK_WIDGET (window), FERRY_TYPE_MOVE_PAGE);
  GtkWidget *followers = ferry_ui_find_widget_of_type (GTK_WIDGET (window),
                                                       FERRY_TYPE_FOLLOWERS_PAGE);
  g_autoptr(FedisimBrowser) browser = fedisim_browser_new (world);
  g_autoptr(GError) error = NULL;
  g_autofree char *migration = g_strconcat (fedisim_server_get_base_url (old),
                                            "/settings/migration", NULL);
  g_autofree char *target = g_strdup_printf ("bob@%s", fedisim_server_get_host (new));
  g_autofree char *answer = NULL;
  g_autofree char *alias_line = NULL;
  g_autofree char *move_line = NULL;
  g_autofree char *done_line = NULL;
  const char *fields[] = { "account_migration[acct]", target,
                           "account_migration[current_password]", "alice-pw", NULL };
  MoveWait wait = { page, FERRY_MOVE_STAGE_ALIAS, FERRY_MOVE_STATUS_READY };
  const char *ready[FERRY_UI_N_STEPS] = {
    N_("Done"), N_("Done"), N_("Done"), N_("Done"), N_("Next"), N_("Opens after the move"),
    N_("Opens after the move"),
  };
  const char *moved[FERRY_UI_N_STEPS] = {
    N_("Done"), N_("Done"), N_("Done"), N_("Done"), N_("Done"), NULL,
    N_("What happened, what to watch"),
  };

  /* The checks: on the move's page, from their own row. */
  ferry_ui_open_step (window, _("Checks"), "move");
  wait_for_stage (&wait, FERRY_MOVE_STAGE_ALIAS, FERRY_MOVE_STATUS_READY);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "move-checks");
  ferry_ui_assert_steps (window, ready);
  ferry_ui_open_step (window, _("Alias and Move"), "move");
  ferry_ui_take_screenshot (GTK_WIDGET (window), "steps-ready");
  {
    FerryMove *move = ferry_move_page_get_move (FERRY_MOVE_PAGE (page));
    const char *origin = ferry_move_get_origin_handle (move);
    const char *to = ferry_move_get_target_handle (move);

    alias_line = g_strdup_printf (_("Next: tell %s that %s may move to it."), to, origin);
    move_line = g_strdup_printf (_("Next: move %s to %s. Its followers will be asked to "
                                   "follow the new account."), origin, to);
    done_line = g_strdup_printf (_("The move is done. Its followers are on their way to %s."),
                                 to);
  }
  /* The one suggested button at the top does the next step, and the top line moves on. */
  assert_top (page, alias_line, "page.alias", TRUE);
  wait_for_stage (&wait, FERRY_MOVE_STAGE_ALIAS, FERRY_MOVE_STATUS_DONE);
  /* Mastodon has no API for the move: the page is opened, and Ferry waits for it. */
  assert_top (page, move_line, "page.move", TRUE);
  wait_for_stage (&wait, FERRY_MOVE_STAGE_MOVE, FERRY_MOVE_STATUS_WAITING);
  /* While it waits, the top says for what, and offers only to stop waiting. */
  assert_top (page, _("Waiting for the server to show the move…"), NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (ferry_ui_find_widget (page,
                                                              ferry_ui_is_button_with_action,
                                                              "page.stop-waiting")));
  g_assert_cmpstr (ferry_ui_step_state (window, _("Alias and Move")), ==, _("Under way"));
  ferry_ui_take_screenshot (GTK_WIDGET (window), "move-waiting");
  answer = fedisim_browser_submit_settings (browser, migration, "alice", "alice-pw", fields,
                                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (answer, "currently being redirected"));
  wait_for_stage (&wait, FERRY_MOVE_STAGE_MOVE, FERRY_MOVE_STATUS_DONE);
  fedisim_world_run_until_idle (world);
  /* The move done, its page gives way to what happened, by itself. */
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, "done");
  ferry_ui_assert_steps (window, moved);
  g_assert_nonnull (ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_shown_title,
                                          _("Your Move Is Done")));
  {
    FerryMove *move = ferry_move_page_get_move (FERRY_MOVE_PAGE (page));
    g_autofree char *from_to = g_strdup_printf (_("From %s to %s"),
                                                ferry_move_get_origin_handle (move),
                                                ferry_move_get_target_handle (move));
    GtkWidget *moved_row = ferry_ui_find_row (GTK_WIDGET (window), _("Account moved"));

    g_assert_nonnull (moved_row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (moved_row)), ==, from_to);
  }
  ferry_ui_take_screenshot (GTK_WIDGET (window), "done");
  ferry_ui_photograph_dark (window, "done-dark");
  ferry_ui_photograph_narrow (window, "done-narrow");
  /* The move's own page, and back to the summary from the sidebar. */
  ferry_ui_open_step (window, _("Alias and Move"), "move");
  assert_top (page, done_line, "win.show-followers", FALSE);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "move-done");
  ferry_ui_open_step (window, _("Summary"), "done");
  /* The followers: counted, drawn, and the one on a server that ignores moves listed. */
  g_signal_emit_by_name (ferry_ui_find_widget (ferry_ui_find_widget_of_type (GTK_WIDGET (window),
                                                                             FERRY_TYPE_DONE_PAGE),
                                               ferry_ui_is_button_with_action,
                                               "win.show-followers"),
                         "clicked");
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, "followers");
  ferry_ui_spin (20000, stragglers_counted, followers);
  g_assert_cmpuint (ferry_followers_page_get_n_stragglers (FERRY_FOLLOWERS_PAGE (followers)),
                    ==, 1);
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (ferry_ui_step_row
                                                                 (window, _("Followers")))));
  ferry_ui_take_screenshot (GTK_WIDGET (window), "move-followers");
  /* And the way back. */
  g_assert_true (gtk_widget_activate_action (page, "win.move-back", NULL));
  wait_for_stage (&wait, FERRY_MOVE_STAGE_REDIRECT, FERRY_MOVE_STATUS_READY);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "move-back");
}

/* What the flows drive: @application's windows, against @world's servers, with @accounts. */
void
ferry_ui_flows_init (FerryApplication    *application,
                     FedisimWorld        *fedisim,
                     FerryAccountManager *accounts)
{
  app = application;
  world = fedisim;
  manager = accounts;
}
