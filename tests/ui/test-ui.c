/* test-ui.c: every template builds, the window works, and each page is photographed
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Screenshots go to $FERRY_SCREENSHOT_DIR, named after the page,
 * with $FERRY_SCREENSHOT_SUFFIX appended (the German run uses "-de").
 */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "fedisim.h"
#include "ferry-test-util.h"
#include "ferry-ui-test-util.h"
#include "test-ui-dialogs.h"
#include "test-ui-flows.h"
#include "ferry-ui-journey.h"
#include "fedisim-browser.h"
#include "ferry-account-page.h"
#include "ferry-application.h"
#include "ferry-memory-store.h"
#include "ferry-ca-dialog.h"
#include "ferry-sign-in-dialog.h"
#include "ferry-tls-database.h"
#include "ferry-accounts-step.h"
#include "ferry-backup-page.h"
#include "ferry-community-dialog.h"
#include "ferry-community-journey.h"
#include "ferry-community-page.h"
#include "ferry-announce-dialog.h"
#include "ferry-import-dialog.h"
#include "ferry-member-dialog.h"
#include "test-ui-community.h"
#include "ferry-done-page.h"
#include "ferry-followers-page.h"
#include "ferry-move-next.h"
#include "ferry-move-page.h"
#include "ferry-state-icon.h"
#include "ferry-transfer-page.h"
#include "ferry-transfer-report.h"
#include "ferry-window.h"

/* Every widget class that has a template. A template in the resources whose class is not
 * here fails /ui/templates, so a new page cannot go untested. */
static GType
ensure_template_types (void)
{
  g_type_ensure (FERRY_TYPE_ACCOUNT_PAGE);
  g_type_ensure (FERRY_TYPE_ACCOUNTS_STEP);
  g_type_ensure (FERRY_TYPE_BACKUP_PAGE);
  g_type_ensure (FERRY_TYPE_CA_DIALOG);
  g_type_ensure (FERRY_TYPE_COMMUNITY_DIALOG);
  g_type_ensure (FERRY_TYPE_COMMUNITY_JOURNEY);
  g_type_ensure (FERRY_TYPE_COMMUNITY_PAGE);
  g_type_ensure (FERRY_TYPE_IMPORT_DIALOG);
  g_type_ensure (FERRY_TYPE_ANNOUNCE_DIALOG);
  g_type_ensure (FERRY_TYPE_MEMBER_DIALOG);
  g_type_ensure (FERRY_TYPE_DONE_PAGE);
  g_type_ensure (FERRY_TYPE_FOLLOWERS_PAGE);
  g_type_ensure (FERRY_TYPE_MOVE_NEXT);
  g_type_ensure (FERRY_TYPE_MOVE_PAGE);
  g_type_ensure (FERRY_TYPE_SIGN_IN_DIALOG);
  g_type_ensure (FERRY_TYPE_TRANSFER_PAGE);
  g_type_ensure (FERRY_TYPE_TRANSFER_REPORT);
  g_type_ensure (FERRY_TYPE_WINDOW);
  return FERRY_TYPE_WINDOW;
}

static FerryApplication *app;
static FedisimWorld *world;
static FerryAccountManager *manager;

static void
test_templates (void)
{
  g_autoptr(GError) error = NULL;
  const char *dirs[] = { RESOURCE_PATH "/ui/", RESOURCE_PATH "/gtk/" };
  guint n_checked = 0;

  ensure_template_types ();

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_auto(GStrv) names = g_resources_enumerate_children (dirs[d], 0, &error);

      g_assert_no_error (error);
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (dirs[d], names[i], NULL);
          g_autoptr(GBytes) bytes = NULL;
          const char *xml;
          const char *template;

          if (!g_str_has_suffix (names[i], ".ui"))
            continue;

          bytes = g_resources_lookup_data (path, 0, &error);
          g_assert_no_error (error);
          xml = g_bytes_get_data (bytes, NULL);
          template = strstr (xml, "<template class=\"");

          if (template != NULL)
            {
              g_autofree char *class_name = NULL;
              const char *start = template + strlen ("<template class=\"");
              GType type;
              GtkWidget *widget;

              class_name = g_strndup (start, strchr (start, '"') - start);
              type = g_type_from_name (class_name);
              if (type == 0)
                g_error ("%s: template class %s is not known to the test", path, class_name);

              /* Builds the template: an unknown class or property is a critical, and fatal. */
              widget = g_object_new (type, NULL);
              g_assert_true (GTK_IS_WIDGET (widget));
              if (GTK_IS_WINDOW (widget))
                gtk_window_destroy (GTK_WINDOW (widget));
              else
                g_object_unref (g_object_ref_sink (widget));
            }
          else
            {
              g_autoptr(GtkBuilder) builder = gtk_builder_new ();
              GSList *objects;

              g_assert_true (gtk_builder_add_from_resource (builder, path, &error));
              g_assert_no_error (error);
              objects = gtk_builder_get_objects (builder);
              g_assert_nonnull (objects);
              for (GSList *l = objects; l != NULL; l = l->next)
                if (GTK_IS_WINDOW (l->data))
                  gtk_window_destroy (l->data);
              g_slist_free (objects);
            }

          n_checked++;
        }
    }

  /* The window and the shortcuts window at least. */
  g_assert_cmpuint (n_checked, >=, 2);
}

static FerryWindow *
new_window (void)
{
  return ferry_ui_new_window (app);
}

/* The start screen: the journeys as large rows; one opens, and is opened again next time. */
static void
test_start (void)
{
  GSettings *settings = ferry_application_get_settings (app);
  const char *language = g_getenv ("LANGUAGE");
  const char *nobody[FERRY_UI_N_STEPS] = {
    N_("Next"), N_("Sign in to both accounts first"), N_("Sign in to the old account first"),
    N_("Sign in to both accounts first"), N_("Sign in to both accounts first"),
    N_("Sign in to both accounts first"), N_("Opens after the move"),
  };
  FerryWindow *window;
  GtkWidget *row;
  GtkWidget *home;
  GtkWidget *sidebar;

  g_settings_set_string (settings, "journey", "");
  window = new_window ();
  /* The German pass must really show German: the catalogue is found and used. */
  if (language != NULL && g_str_has_prefix (language, "de"))
    g_assert_cmpstr (_("Welcome to Ferry"), !=, "Welcome to Ferry");

  g_assert_cmpstr (ferry_ui_shown_journey (window), ==, "start");
  row = ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_journey_row, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   _("Move My Account"));
  /* The community journey next; those still to come are absent, not placeholders. */
  {
    GtkWidget *community = gtk_widget_get_next_sibling (row);

    g_assert_nonnull (community);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (community)), ==,
                     _("Help a Community Move"));
    g_assert_null (gtk_widget_get_next_sibling (community));
  }
  ferry_ui_take_screenshot (GTK_WIDGET (window), "start");
  ferry_ui_photograph_dark (window, "start-dark");

  /* Into the journey: its steps, each saying where it stands; only the accounts open. */
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (ferry_ui_shown_journey (window), ==, "individual");
  {
    g_autofree char *journey = g_settings_get_string (settings, "journey");

    g_assert_cmpstr (journey, ==, "individual");
  }
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, "accounts");
  ferry_ui_assert_steps (window, nobody);
  /* A locked step does not open; the step on show stays the one chosen. */
  g_signal_emit_by_name (ferry_ui_step_row (window, _("Checks")), "activate");
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, "accounts");
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (ferry_ui_step_row (window,
                                                                                   _("Accounts")))));
  ferry_ui_take_screenshot (GTK_WIDGET (window), "steps");
  ferry_ui_photograph_dark (window, "steps-dark");
  ferry_ui_open_step (window, _("Accounts"), "accounts");
  ferry_ui_photograph_narrow (window, "accounts-narrow");
  /* A message sits over the step's page, not over the header bars or the sidebar. */
  ferry_window_show_message (window, _("Back to the Start"));
  {
    GtkWidget *root = GTK_WIDGET (window);
    GtkWidget *overlay = ferry_ui_find_widget (root, ferry_ui_is_mapped_overlay, NULL);
    GtkWidget *content = ferry_ui_find_widget (root, ferry_ui_is_stack_with, "accounts");

    g_assert_nonnull (overlay);
    g_assert_null (ferry_ui_find_widget_of_type (overlay, ADW_TYPE_HEADER_BAR));
    g_assert_null (ferry_ui_find_widget (overlay, ferry_ui_is_sidebar, NULL));
    g_assert_true (gtk_widget_get_parent (content) == overlay);
  }

  /* Closed and opened again: the journey under way. */
  gtk_window_destroy (GTK_WINDOW (window));
  window = new_window ();
  g_assert_cmpstr (ferry_ui_shown_journey (window), ==, "individual");
  /* The pages' buttons (win.show-*) lead to their steps: the old and the new account to
   * the accounts, a step still locked to its page (which says what comes first). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-new", NULL));
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, "accounts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-transfer", NULL));
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, "transfer");
  sidebar = ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_sidebar, NULL);
  g_assert_null (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar)));
  ferry_window_show_page (window, "overview");
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, "accounts");
  /* Back to the start, which is then where Ferry opens. */
  home = ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_button_named,
                               _("Back to the Start"));
  g_assert_nonnull (home);
  g_signal_emit_by_name (home, "clicked");
  g_assert_cmpstr (ferry_ui_shown_journey (window), ==, "start");
  {
    g_autofree char *journey = g_settings_get_string (settings, "journey");

    g_assert_cmpstr (journey, ==, "");
  }

  /* Narrow, the start fits too. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "start-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_about (void)
{
  FerryWindow *window = new_window ();
  GtkWindow *about;

  ferry_ui_wait_for_frames (GTK_WIDGET (window), 1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ferry_ui_find_window_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  ferry_ui_take_screenshot (GTK_WIDGET (about), "about");

  gtk_window_destroy (about);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts (void)
{
  FerryWindow *window = new_window ();
  GtkWindow *shortcuts;

  ferry_ui_wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = ferry_ui_find_window_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  ferry_ui_take_screenshot (GTK_WIDGET (shortcuts), "shortcuts");

  gtk_window_close (shortcuts);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accels (void)
{
  struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.help", "F1" },
    { "app.quit", "<Control>q" },
    { "win.show-help-overlay", "<Control>question" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    expected[i].action);

      g_assert_nonnull (accels);
      g_assert_true (g_strv_contains ((const char * const *) accels, expected[i].accel));
    }
  /* No Preferences: its one setting is offered where it is needed (the sign-in's CA dialog). */
  g_assert_false (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
}

static void
test_window_state_saved (void)
{
  GSettings *settings = ferry_application_get_settings (app);
  FerryWindow *window;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);

  window = ferry_window_new (app);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 700);
    g_assert_cmpint (height, ==, 500);
  }

  gtk_window_present (GTK_WINDOW (window));
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 1);
  gtk_window_set_default_size (GTK_WINDOW (window), 812, 604);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 604);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static gboolean
default_sensitive (gpointer data)
{
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (data));

  return button != NULL && gtk_widget_get_sensitive (button);
}

static gboolean
signed_in (gpointer data)
{
  return ferry_account_manager_get_state (manager, GPOINTER_TO_INT (data)) == FERRY_ACCOUNT_SIGNED_IN;
}

typedef struct
{
  const char *user;
  const char *password;
  const char *shot;
  GtkWidget  *dialog;
} Person;

static gboolean
browse_cb (gpointer data)
{
  Person *person = data;
  g_autofree char *url = g_object_steal_data (G_OBJECT (person->dialog), "url");
  g_autoptr(FedisimBrowser) browser = fedisim_browser_new (world);
  g_autoptr(GError) error = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *page = NULL;
  guint status;

  /* The dialog as the person sees it while the browser is open. */
  if (person->shot != NULL)
    ferry_ui_take_screenshot (person->dialog, person->shot);
  redirect = fedisim_browser_authorize (browser, url, person->user, person->password, &error);
  g_assert_no_error (error);
  page = fedisim_browser_visit (browser, redirect, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  return G_SOURCE_REMOVE;
}

static gboolean
on_open_uri (FerrySignIn *job,
             const char  *url,
             Person      *person)
{
  g_object_set_data_full (G_OBJECT (person->dialog), "url", g_strdup (url), g_free);
  g_idle_add (browse_cb, person);
  return TRUE;
}

static void
on_sign_in_started (GtkWidget   *dialog,
                    FerrySignIn *job,
                    Person      *person)
{
  g_signal_connect (job, "open-uri", G_CALLBACK (on_open_uri), person);
}

static GtkWindow *
open_sign_in (FerryWindow *window,
              FerryRole    role,
              const char  *server)
{
  GtkWidget *page = ferry_window_get_account_page (window, role);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (page, "page.sign-in", NULL));
  dialog = ferry_ui_find_window_of_type (FERRY_TYPE_SIGN_IN_DIALOG);
  g_assert_nonnull (dialog);
  ferry_sign_in_dialog_set_server (FERRY_SIGN_IN_DIALOG (dialog), server);
  return dialog;
}

static void
sign_in_through_dialog (FerryWindow   *window,
                        FerryRole      role,
                        FedisimServer *server,
                        Person        *person,
                        const char    *probed_shot)
{
  GtkWindow *dialog = open_sign_in (window, role, fedisim_server_get_host (server));

  /* The server is probed as one types; then Continue is possible. */
  ferry_ui_spin (10000, default_sensitive, dialog);
  g_assert_true (default_sensitive (dialog));
  if (probed_shot != NULL)
    ferry_ui_take_screenshot (GTK_WIDGET (dialog), probed_shot);

  person->dialog = GTK_WIDGET (dialog);
  g_signal_connect (dialog, "sign-in-started", G_CALLBACK (on_sign_in_started), person);
  /* Continue in Browser, the dialog's default button. */
  g_signal_emit_by_name (gtk_window_get_default_widget (dialog), "clicked");
  ferry_ui_spin (20000, signed_in, GINT_TO_POINTER (role));
  g_assert_cmpint (ferry_account_manager_get_state (manager, role), ==, FERRY_ACCOUNT_SIGNED_IN);
  /* The dialog closes by itself; the page fills in (counts come page by page). */
  ferry_ui_spin (1500, NULL, NULL);
  g_assert_null (ferry_ui_find_window_of_type (FERRY_TYPE_SIGN_IN_DIALOG));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
label_is_go_on (gpointer data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (data)), _("_Go On With the Backup")) == 0;
}

static gboolean
checks_failed (gpointer data)
{
  return g_strcmp0 (ferry_ui_step_state (data, _("Checks")), _("Needs attention")) == 0;
}

static gboolean
backup_finished (gpointer data)
{
  GtkStack *stack = GTK_STACK (ferry_ui_find_widget_of_type (GTK_WIDGET (data), GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "finished") == 0;
}

static gboolean
job_ended (gpointer data)
{
  return ferry_job_is_ended (FERRY_JOB (data));
}

/* The backup's manifest, in the one folder the backup made in @tmp. */
static char *
find_manifest (const char *tmp)
{
  g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
  const char *name = dir ? g_dir_read_name (dir) : NULL;
  g_autofree char *path = name ? g_build_filename (tmp, name, "manifest.json", NULL) : NULL;
  char *contents = NULL;

  if (path != NULL)
    g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static void
test_accounts (void)
{
  FedisimServer *old = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", NULL);
  FedisimServer *new = fedisim_world_add_server (world, FEDISIM_FLAVOUR_GOTOSOCIAL, NULL, NULL);
  FedisimServer *not_fedi = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, NULL, NULL);
  FerryWindow *window;
  Person alice = { "alice", "alice-pw", "sign-in-waiting", NULL };
  Person bob = { "bob", "bob-pw", NULL, NULL };

  fedisim_server_add_user (old, "alice", "alice-pw");
  fedisim_server_seed_fixture (old, "alice", "small");
  fedisim_server_add_user (new, "bob", "bob-pw");
  fedisim_server_add_fault (not_fedi, "*", FEDISIM_FAULT_STATUS, 404, 0);
  g_settings_set_string (ferry_application_get_settings (app), "journey", "");
  window = new_window ();

  /* From the start: the journey, at its first step, both accounts on one page. */
  g_assert_cmpstr (ferry_ui_shown_journey (window), ==, "start");
  g_signal_emit_by_name (ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_journey_row, NULL),
                         "activate");
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, "accounts");
  g_assert_true (gtk_widget_get_mapped (ferry_window_get_account_page (window, FERRY_ROLE_OLD)));
  g_assert_true (gtk_widget_get_mapped (ferry_window_get_account_page (window, FERRY_ROLE_NEW)));
  ferry_ui_take_screenshot (GTK_WIDGET (window), "accounts-empty");

  sign_in_through_dialog (window, FERRY_ROLE_OLD, old, &alice, "sign-in-probed");
  g_assert_cmpstr (ferry_account_get_handle (ferry_account_manager_get_account (manager, FERRY_ROLE_OLD))->username,
                   ==, "alice");
  /* One account: still the next step; its backup opens, what needs both does not. */
  {
    const char *old_only[FERRY_UI_N_STEPS] = {
      N_("Next"), N_("Sign in to the new account first"), N_("To do"),
      N_("Sign in to the new account first"), N_("Sign in to the new account first"),
      N_("Sign in to the new account first"), N_("Opens after the move"),
    };

    ferry_ui_assert_steps (window, old_only);
  }
  ferry_ui_take_screenshot (GTK_WIDGET (window), "accounts-old");

  /* The new account, on the same page. */
  g_assert_true (gtk_widget_get_mapped (ferry_window_get_account_page (window, FERRY_ROLE_NEW)));
  sign_in_through_dialog (window, FERRY_ROLE_NEW, new, &bob, NULL);
  /* Both: the accounts are done; the checks ask for a backup first. */
  {
    const char *both[FERRY_UI_N_STEPS] = {
      N_("Done"), N_("Needs attention"), N_("To do"), N_("Back up the old account first"),
      N_("Back up the old account first"), N_("Opens after the move"), N_("Opens after the move"),
    };

    ferry_ui_spin (60000, checks_failed, window);
    ferry_ui_assert_steps (window, both);
  }
  ferry_ui_take_screenshot (GTK_WIDGET (window), "accounts");
  ferry_ui_photograph_dark (window, "accounts-dark");

  /* Back up the old account from its page: the folder, the run, the end. */
  {
    FerryBackupPage *page = FERRY_BACKUP_PAGE (ferry_ui_find_widget_of_type (GTK_WIDGET (window), FERRY_TYPE_BACKUP_PAGE));
    GtkWidget *old_page = ferry_window_get_account_page (window, FERRY_ROLE_OLD);
    g_autofree char *tmp = g_dir_make_tmp ("ferry-ui-backup-XXXXXX", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (tmp);
    g_autofree char *manifest = NULL;
    FerryBackup *backup;

    /* The old account's Back Up button leads to the backup step. */
    g_signal_emit_by_name (ferry_ui_find_widget (old_page, ferry_ui_is_button_with_action,
                                                 "win.show-backup"), "clicked");
    g_assert_cmpstr (ferry_ui_shown_page (window), ==, "backup");
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
    ferry_backup_page_set_folder (page, folder);
    ferry_ui_spin (1500, NULL, NULL);   /* the counts come in */
    ferry_ui_take_screenshot (GTK_WIDGET (window), "backup-setup");

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.start", NULL));
    backup = ferry_backup_page_get_backup (page);
    g_assert_nonnull (backup);
    /* Paused at once, so that the picture shows it running. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.pause", NULL));
    ferry_ui_spin (800, NULL, NULL);
    g_assert_cmpstr (ferry_ui_step_state (window, _("Backup")), ==, _("Paused"));
    ferry_ui_assert_paused (GTK_WIDGET (page));
    ferry_ui_take_screenshot (GTK_WIDGET (window), "backup-running");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.pause", NULL));
    g_assert_cmpstr (ferry_ui_step_state (window, _("Backup")), ==, _("Under way"));
    ferry_ui_spin (30000, backup_finished, page);
    g_assert_true (backup_finished (page));
    g_assert_cmpstr (ferry_ui_step_state (window, _("Backup")), ==, _("Done"));
    {
      GtkStack *stack = GTK_STACK (ferry_ui_find_widget_of_type (GTK_WIDGET (page),
                                                                 GTK_TYPE_STACK));
      AdwStatusPage *done = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (stack, "finished"));
      g_autofree char *size = g_format_size (ferry_backup_get_bytes (backup));

      /* The size in GLib's words for the locale (its own catalogue and decimal sign), not
       * a hand-made unit; and no file names of the machinery on the main path. */
      g_assert_nonnull (strstr (adw_status_page_get_description (done), size));
      g_assert_null (strstr (adw_status_page_get_description (done), "manifest"));
    }
    ferry_ui_take_screenshot (GTK_WIDGET (window), "backup-finished");
    manifest = find_manifest (tmp);
    if (manifest == NULL)
      {
        GtkStack *stack = GTK_STACK (ferry_ui_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_STACK));
        AdwStatusPage *finished = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (stack, "finished"));

        g_test_message ("the backup says: %s: %s", adw_status_page_get_title (finished),
                        adw_status_page_get_description (finished));
      }
    g_assert_nonnull (manifest);
    ferry_ui_transfer_through_page (window);
    ferry_ui_transfer_page_disposed (new);
    ferry_ui_move_through_page (window, old, new);
    ferry_test_remove_tree (tmp);
  }

  /* A backup that stopped is offered again by the next window, even days later. */
  {
    g_autofree char *stopped = g_dir_make_tmp ("ferry-ui-stopped-XXXXXX", NULL);
    g_autofree char *journal = g_build_filename (stopped, ".ferry-journal", NULL);
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    FerryWindow *second;
    GtkWidget *button;

    g_mkdir (journal, 0700);
    g_settings_set_string (settings, "backup-last", stopped);
    second = new_window ();
    ferry_window_show_page (second, "backup");
    button = ferry_ui_find_widget (GTK_WIDGET (second), ferry_ui_is_button_with_action,
                                   "page.start");
    g_assert_nonnull (button);
    ferry_ui_spin (3000, label_is_go_on, button);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("_Go On With the Backup"));
    gtk_window_destroy (GTK_WINDOW (second));
    g_settings_set_string (settings, "backup-last", "");
    ferry_test_remove_tree (stopped);
  }

  /* The page goes while its backup runs: the job is cancelled with it, and nothing of it is
   * touched after (its callback returns on the page's cancellation; ASan would tell). */
  {
    g_autofree char *tmp = g_dir_make_tmp ("ferry-ui-gone-XXXXXX", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (tmp);
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(FerryBackup) backup = NULL;
    FerryWindow *second = new_window ();
    GtkWidget *page = ferry_ui_find_widget_of_type (GTK_WIDGET (second), FERRY_TYPE_BACKUP_PAGE);
    FerryJobManager *jobs = ferry_application_get_job_manager (app);

    /* Every answer takes a while, so that the window goes with requests in flight (else a
     * quick answer, such as the moved account's 403, may end the backup first). */
    fedisim_server_add_fault (old, "*", FEDISIM_FAULT_LATENCY, 1000, 0);
    ferry_window_show_page (second, "backup");
    ferry_backup_page_set_folder (FERRY_BACKUP_PAGE (page), folder);
    g_assert_true (gtk_widget_activate_action (page, "page.start", NULL));
    backup = g_object_ref (ferry_backup_page_get_backup (FERRY_BACKUP_PAGE (page)));
    g_assert_true (ferry_job_manager_find (jobs, FERRY_TYPE_BACKUP, NULL) == FERRY_JOB (backup));
    ferry_ui_spin (300, NULL, NULL);
    gtk_window_destroy (GTK_WINDOW (second));
    ferry_ui_spin (10000, job_ended, backup);
    if (ferry_job_get_error (FERRY_JOB (backup)) != NULL)
      g_test_message ("the backup ended: %s", ferry_job_get_error (FERRY_JOB (backup))->message);
    g_assert_cmpint (ferry_job_get_state (FERRY_JOB (backup)), ==, FERRY_JOB_STATE_CANCELLED);
    g_assert_null (ferry_job_manager_find (jobs, FERRY_TYPE_BACKUP, NULL));
    fedisim_server_clear_faults (old);
    g_settings_set_string (settings, "backup-last", "");
    ferry_test_remove_tree (tmp);
  }

  /* A server that is not a Fediverse server: said in the dialog, Continue stays off. */
  {
    GtkWindow *dialog = open_sign_in (window, FERRY_ROLE_NEW, fedisim_server_get_host (not_fedi));

    GtkWidget *entry = ferry_ui_find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
    GtkWidget *trust = ferry_ui_find_widget (GTK_WIDGET (dialog), is_button_labelled,
                                             _("_Trust a Certificate Authority…"));

    ferry_ui_spin (3000, NULL, NULL);
    g_assert_false (default_sensitive (dialog));
    /* On the field, in words; no certificate in question, so no authority to trust. */
    g_assert_true (gtk_widget_has_css_class (entry, "error"));
    g_assert_nonnull (trust);
    g_assert_false (gtk_widget_get_visible (trust));
    ferry_ui_take_screenshot (GTK_WIDGET (dialog), "sign-in-error");
    gtk_window_destroy (dialog);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* What the move keeps (follower samples) goes to a folder of this run's own. */
  g_autofree char *data_home = g_dir_make_tmp ("ferry-ui-data-XXXXXX", NULL);

  if (!ferry_ui_test_init (&argc, &argv, data_home, "/ui/no-display"))
    return g_test_run ();

  /* Accounts against fedisim, with secrets in memory: the keyring has its own tests. */
  world = fedisim_world_new (&error);
  g_assert_no_error (error);
  app = ferry_application_new ();
  {
    g_autoptr(FerrySecretStore) store = ferry_memory_store_new ();
    g_autoptr(GTlsDatabase) trust = ferry_tls_database_new (fedisim_world_get_ca_file (world), &error);

    g_assert_no_error (error);
    manager = ferry_account_manager_new (store, ferry_application_get_settings (app), trust);
    ferry_application_set_account_manager (app, manager);
  }
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  g_test_add_func ("/ui/templates", test_templates);
  g_test_add_func ("/ui/accels", test_accels);
  g_test_add_func ("/ui/start", test_start);
  g_test_add_func ("/ui/about", test_about);
  g_test_add_func ("/ui/shortcuts", test_shortcuts);
  g_test_add_func ("/ui/window-state-saved", test_window_state_saved);
  g_test_add_func ("/ui/accounts", test_accounts);
  ferry_ui_add_dialog_tests (app, world, manager);
  ferry_ui_flows_init (app, world, manager);
  ferry_ui_add_community_tests (app, world, manager);

  ret = g_test_run ();

  g_clear_object (&app);
  g_clear_object (&manager);
  fedisim_world_free (world);
  ferry_test_remove_tree (data_home);
  return ret;
}
