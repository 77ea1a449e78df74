/* test-ui-dialogs.c: the sign-in dialog, the CA dialog it offers, the account page's header
 * and the followers chart, as a person meets them
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of test-ui (its main() sets up the application, fedisim and the accounts): the
 * German pass runs these too, so the width limit holds in German.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fedisim-browser.h"
#include "ferry-ca-dialog.h"
#include "ferry-follower-chart.h"
#include "ferry-move.h"
#include "ferry-sign-in-dialog.h"
#include "ferry-ui-test-util.h"
#include "ferry-window.h"
#include "test-ui-dialogs.h"

/* The dialog keeps this width in every language: labels wrap, they do not widen it. */
#define MAX_DIALOG_WIDTH 500

static FerryApplication *app;
static FedisimWorld *world;
static FerryAccountManager *manager;

static void
spin (guint       ms,
      gboolean  (*done) (gpointer data),
      gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline && (done == NULL || !done (data)))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
default_sensitive (gpointer data)
{
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (data));

  return button != NULL && gtk_widget_get_sensitive (button);
}

static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = ferry_ui_find_widget (root, is_labelled, label);

  g_assert_nonnull (button);
  return button;
}

/* A label on screen that shows an address (the sign-in page's, or any other). */
static gboolean
shows_url (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), "://") != NULL;
}

static void
assert_fits (GtkWindow *dialog)
{
  int minimum;

  ferry_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, MAX_DIALOG_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, MAX_DIALOG_WIDTH);
}

static GtkWindow *
open_dialog (FerryWindow *window,
             FerryRole    role)
{
  GtkWidget *page = ferry_window_get_account_page (window, role);
  GtkWindow *dialog;
  GtkWindow *earlier;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* An earlier test's dialog may still be closing: never take it for this one. */
  while ((earlier = ferry_ui_find_window_of_type (FERRY_TYPE_SIGN_IN_DIALOG)) != NULL &&
         g_get_monotonic_time () < deadline)
    {
      gtk_window_destroy (earlier);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_null (ferry_ui_find_window_of_type (FERRY_TYPE_SIGN_IN_DIALOG));
  g_assert_true (gtk_widget_activate_action (page, "page.sign-in", NULL));
  dialog = ferry_ui_find_window_of_type (FERRY_TYPE_SIGN_IN_DIALOG);
  g_assert_nonnull (dialog);
  ferry_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  return dialog;
}

static FerryWindow *
new_window (void)
{
  FerryWindow *window = ferry_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);
  gtk_window_present (GTK_WINDOW (window));
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 1);
  return window;
}

static gboolean
on_open_uri (FerrySignIn *job,
             const char  *url,
             char       **opened)
{
  g_free (*opened);
  *opened = g_strdup (url);
  return TRUE;   /* the browser "opened": the test plays it below */
}

static void
on_sign_in_started (GtkWidget    *dialog,
                    FerrySignIn  *job,
                    char        **opened)
{
  g_signal_connect (job, "open-uri", G_CALLBACK (on_open_uri), opened);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
signed_in (gpointer data)
{
  return ferry_account_manager_get_state (manager, FERRY_ROLE_OLD) == FERRY_ACCOUNT_SIGNED_IN;
}

static gboolean
is_handle_label (GtkWidget     *widget,
                 gconstpointer  username)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), username);
}

/* The dialog from opening to signed in: the server field has the focus, the dialog keeps its
 * width, the sign-in page's address never shows (Copy Link gives it), and the account page's
 * handle is no text field with a caret. */
static void
test_sign_in_dialog (void)
{
  FedisimServer *server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, NULL, NULL);
  FerryWindow *window = new_window ();
  g_autoptr(FedisimBrowser) browser = fedisim_browser_new (world);
  g_autoptr(GError) error = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *page = NULL;
  g_autofree char *at = g_strdup_printf ("@carol@%s", fedisim_server_get_host (server));
  GtkWindow *dialog;
  GtkWidget *entry;
  GtkWidget *focus;
  GtkWidget *handle;
  guint status;

  fedisim_server_add_user (server, "carol", "carol-pw");
  ferry_window_show_page (window, "old");
  dialog = open_dialog (window, FERRY_ROLE_OLD);
  entry = ferry_ui_find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  ferry_sign_in_dialog_set_server (FERRY_SIGN_IN_DIALOG (dialog), fedisim_server_get_host (server));
  spin (10000, default_sensitive, dialog);
  g_assert_true (default_sensitive (dialog));
  assert_fits (dialog);
  ferry_ui_take_screenshot (GTK_WIDGET (dialog), "sign-in-dialog");

  g_signal_connect (dialog, "sign-in-started", G_CALLBACK (on_sign_in_started), &opened);
  g_signal_emit_by_name (gtk_window_get_default_widget (dialog), "clicked");
  spin (10000, is_set, &opened);
  g_assert_nonnull (opened);
  ferry_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
  g_assert_null (ferry_ui_find_widget (GTK_WIDGET (dialog), shows_url, NULL));
  /* Browser did not open? The link goes to the clipboard, still not on screen. */
  {
    GtkWidget *expander = ferry_ui_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_EXPANDER);
    GtkWidget *copy;
    GdkContentProvider *content;
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_true (gtk_widget_activate (expander));
    ferry_ui_wait_for_frames (GTK_WIDGET (dialog), 2);
    g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
    copy = find_button (GTK_WIDGET (dialog), _("Co_py Link"));
    g_assert_true (gtk_widget_get_mapped (copy));
    assert_fits (dialog);
    g_assert_null (ferry_ui_find_widget (GTK_WIDGET (dialog), shows_url, NULL));
    ferry_ui_take_screenshot (GTK_WIDGET (dialog), "sign-in-no-browser");
    g_assert_true (gtk_widget_activate (copy));
    spin (500, NULL, NULL);   /* a button activated from the keyboard clicks a moment later */
    content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (dialog)));
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, opened);
  }

  redirect = fedisim_browser_authorize (browser, opened, "carol", "carol-pw", &error);
  g_assert_no_error (error);
  page = fedisim_browser_visit (browser, redirect, &status, &error);
  g_assert_no_error (error);
  spin (20000, signed_in, NULL);
  g_assert_true (signed_in (NULL));
  spin (1000, NULL, NULL);

  handle = ferry_ui_find_widget (ferry_window_get_account_page (window, FERRY_ROLE_OLD),
                                 is_handle_label, at);
  g_assert_nonnull (handle);
  g_assert_false (gtk_label_get_selectable (GTK_LABEL (handle)));
  g_assert_false (gtk_widget_get_focusable (handle));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

/* A server whose certificate the system does not trust: the error sits on the field, and
 * only this error offers to trust its authority; once trusted, the server is asked again. */
static void
test_trust_ca (void)
{
  FedisimServer *server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, NULL, NULL);
  g_autoptr(GTlsDatabase) trust = g_object_ref (ferry_account_manager_get_tls_database (manager));
  GSettings *settings = ferry_application_get_settings (app);
  FerryWindow *window = new_window ();
  GtkWindow *dialog;
  GtkWindow *ca;
  GtkWidget *entry;
  GtkWidget *button;

  /* The system's authorities only, which do not know fedisim's. */
  ferry_account_manager_set_tls_database (manager, NULL);
  dialog = open_dialog (window, FERRY_ROLE_NEW);
  entry = ferry_ui_find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  button = find_button (GTK_WIDGET (dialog), _("_Trust a Certificate Authority…"));
  g_assert_false (gtk_widget_get_visible (button));
  ferry_sign_in_dialog_set_server (FERRY_SIGN_IN_DIALOG (dialog), fedisim_server_get_host (server));
  spin (10000, is_visible, button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (default_sensitive (dialog));
  assert_fits (dialog);
  ferry_ui_take_screenshot (GTK_WIDGET (dialog), "sign-in-untrusted");

  g_assert_true (gtk_widget_activate (button));
  spin (500, NULL, NULL);
  ca = ferry_ui_find_window_of_type (FERRY_TYPE_CA_DIALOG);
  g_assert_nonnull (ca);
  g_assert_true (gtk_window_get_transient_for (ca) == dialog);
  g_assert_true (gtk_window_get_modal (ca));
  ferry_ui_wait_for_frames (GTK_WIDGET (ca), 2);
  ferry_ui_take_screenshot (GTK_WIDGET (ca), "trust-ca");

  /* Chosen (the file chooser is the desktop's own): used from then on, and the server is
   * asked again by itself. */
  g_settings_set_string (settings, "ca-file", fedisim_world_get_ca_file (world));
  g_assert_nonnull (ferry_account_manager_get_tls_database (manager));
  {
    AdwActionRow *row = ADW_ACTION_ROW (ferry_ui_find_widget_of_type (GTK_WIDGET (ca),
                                                                      ADW_TYPE_ACTION_ROW));
    g_autofree char *name = g_path_get_basename (fedisim_world_get_ca_file (world));

    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), name));
  }
  gtk_window_destroy (ca);
  spin (10000, default_sensitive, dialog);
  g_assert_true (default_sensitive (dialog));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_get_visible (button));
  gtk_window_destroy (dialog);

  /* Cleared: the system's authorities only (and $FERRY_CA_FILE). */
  g_settings_set_string (settings, "ca-file", "");
  g_assert_null (ferry_account_manager_get_tls_database (manager));
  ferry_account_manager_set_tls_database (manager, trust);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chart says in words what it draws: the dates and both accounts' counts. */
static void
test_chart (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = ferry_follower_chart_new ();
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (FerryMoveSample));
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 24, 9, 0, 0);
  gint64 t0 = g_date_time_to_unix (start);
  const gint64 old[] = { 120, 118, 60, 44, 41 };
  const gint64 new[] = { 0, 2, 58, 73, 75 };
  g_autofree char *description = NULL;
  g_autofree char *first = g_date_time_format (start, C_("chart", "%e %b"));

  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      FerryMoveSample sample = { t0 + i * 86400, old[i], new[i] };

      g_array_append_val (samples, sample);
    }
  ferry_follower_chart_set_samples (FERRY_FOLLOWER_CHART (chart), samples, t0 + 86400 + 3600);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 280);
  gtk_window_present (GTK_WINDOW (window));
  ferry_ui_wait_for_frames (window, 2);
  ferry_ui_take_screenshot (window, "follower-chart");

  /* Returns the description when it is not the one given: the chart's own. */
  description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (description);
  g_test_message ("chart: %s", description);
  g_assert_nonnull (strstr (description, "120"));
  g_assert_nonnull (strstr (description, "41"));
  g_assert_nonnull (strstr (description, "75"));
  g_assert_nonnull (strstr (description, g_strstrip (first)));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  ferry_ui_take_screenshot (window, "follower-chart-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

void
ferry_ui_add_dialog_tests (FerryApplication    *application,
                           FedisimWorld        *fedisim,
                           FerryAccountManager *accounts)
{
  app = application;
  world = fedisim;
  manager = accounts;
  g_test_add_func ("/ui/chart", test_chart);
  g_test_add_func ("/ui/sign-in-dialog", test_sign_in_dialog);
  g_test_add_func ("/ui/trust-ca", test_trust_ca);
}
