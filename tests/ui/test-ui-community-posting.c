/* test-ui-community-posting.c: the community page's posting side, driven through its widgets
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of test-ui: the helper's old and new accounts signed in against fedisim, a seeded
 * community with some members moved; the announcement posted through its dialog (exactly one
 * status and one pin on the server, read back; nothing scheduled with the reminders off;
 * nothing sent twice, never a 429 or a 401, no token to the new server), the follow list saved
 * through the save dialog (core's CSV, 0600), the lists file and the guide as a web page the
 * same way, the guide printed to PDF on two papers (whole pages, more on the smaller), and
 * the followers verified (each member still missing followers named). Photographed in
 * each language.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/stat.h>

#include "fedisim-community.h"
#include "ferry-announce-dialog.h"
#include "ferry-client-accounts.h"
#include "ferry-community-export.h"
#include "ferry-community-guide.h"
#include "ferry-community-journey.h"
#include "ferry-community-page.h"
#include "ferry-community-text.h"
#include "ferry-memory-store.h"
#include "ferry-sign-in-dialog.h"
#include "ferry-test-util.h"
#include "ferry-tls-database.h"
#include "ferry-ui-test-util.h"
#include "test-ui-community.h"

#define DAY (24 * 3600)
#define POST_ROUTE "POST /api/v1/statuses"
#define PIN_ROUTE  "POST /api/v1/statuses/:id/pin"

static FerryApplication *app;
static FedisimWorld *world;

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* A client of @server signed in as @username, and the account it says it is. */
static FerryClient *
sign_in (FedisimServer  *server,
         GTlsDatabase   *trust,
         const char     *username,
         const char     *scopes,
         FerryAccount  **account)
{
  g_autofree char *token = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FerryClient *client;

  fedisim_server_add_user (server, username, "pw");
  token = fedisim_server_issue_token (server, username, scopes);
  client = ferry_client_new (fedisim_server_get_base_url (server), trust);
  ferry_client_set_token (client, token);
  ferry_client_verify_credentials_async (client, NULL, got_result, &result);
  ferry_ui_spin (10000, result_arrived, &result);
  g_assert_nonnull (result);
  *account = ferry_client_verify_credentials_finish (client, result, &error);
  g_assert_no_error (error);
  return client;
}

static GtkWindow *
wait_for_window (GType type)
{
  for (guint i = 0; i < 200; i++)
    {
      GtkWindow *window = ferry_ui_find_window_of_type (type);

      if (window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
      ferry_ui_spin (50, NULL, NULL);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
click (GtkWidget  *root,
       const char *action)
{
  GtkWidget *button = ferry_ui_find_widget (root, ferry_ui_is_button_with_action, action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static gboolean
job_ended (gpointer data)
{
  GtkWidget *bar = ferry_ui_find_widget_of_type (GTK_WIDGET (data), GTK_TYPE_PROGRESS_BAR);

  return bar == NULL || !gtk_widget_get_mapped (bar);
}

static gboolean
has_message_dialog (gpointer data)
{
  return ferry_ui_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
is_switch (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SWITCH (widget) && !gtk_switch_get_active (GTK_SWITCH (widget)) == !data;
}

static gboolean
post_confirmed (gpointer data)
{
  FerryCommunityPost *post = ferry_community_find_post (FERRY_COMMUNITY (data), "announcement");

  return post != NULL && post->confirmed;
}

static void
test_community_posting (void)
{
  FerryCommunityStore *store = ferry_application_get_community_store (app);
  GSettings *app_settings = ferry_application_get_settings (app);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(FerrySecretStore) secrets = ferry_memory_store_new ();
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerryClient) old_client = NULL;
  g_autoptr(FerryClient) new_client = NULL;
  g_autoptr(FerryAccount) old_account = NULL;
  g_autoptr(FerryAccount) new_account = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ferry-ui-posting-XXXXXX", NULL);
  g_autofree char *export_path = g_build_filename (dir, "follows.csv", NULL);
  FedisimCommunityConfig config = { 0 };
  FedisimServer *old_server, *new_server;
  const char * const *names;
  FerryCommunityPage *page;
  FerryWindow *window;
  GtkWindow *dialog;
  guint n_moved = 0;
  guint n_behind = 0;

  ferry_ui_community_clear_store ();
  old_server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  new_server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  config.n_members = 8;
  config.seed = 21;
  names = fedisim_server_seed_community (old_server, new_server, &config);
  g_assert_nonnull (names);

  /* The helper's own accounts, in a manager of this test's (the window's stays as it is). */
  trust = ferry_tls_database_new (fedisim_world_get_ca_file (world), &error);
  g_assert_no_error (error);
  g_object_get (app_settings, "schema-id", &schema, NULL);
  settings = g_settings_new_with_backend (schema, backend);
  manager = ferry_account_manager_new (secrets, settings, trust);
  old_client = sign_in (old_server, trust, "helper", "read write follow", &old_account);
  new_client = sign_in (new_server, trust, "helper", "read write follow", &new_account);
  ferry_account_manager_adopt (manager, FERRY_ROLE_OLD, old_account, old_client);
  ferry_account_manager_adopt (manager, FERRY_ROLE_NEW, new_account, new_client);

  community = ferry_community_new ("Posting Circle", fedisim_server_get_host (old_server),
                                   fedisim_server_get_host (new_server),
                                   g_get_real_time () / G_USEC_PER_SEC + 30 * DAY);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *address = g_strdup_printf ("%s@%s", names[i],
                                                  fedisim_server_get_host (old_server));
      FerryMember *member = ferry_community_add_member (community, address,
                                                        FERRY_MEMBER_SOURCE_PASTED, &error);
      FedisimMemberState truth = fedisim_community_truth (old_server, names[i]);
      gint64 baseline = fedisim_community_baseline_followers (old_server, names[i]);

      g_assert_no_error (error);
      ferry_member_set_baseline (member, baseline, -1, -1, NULL,
                                 fedisim_world_now (world) - 3 * DAY);
      /* What a check found two days ago: the moved ones' old profiles name the new. */
      if (truth == FEDISIM_MEMBER_MOVED || truth == FEDISIM_MEMBER_ARRIVING ||
          truth == FEDISIM_MEMBER_DONE)
        {
          FerryMemberObservation seen = { 0 };

          seen.time = fedisim_world_now (world) - 2 * DAY;
          seen.old_found = TRUE;
          seen.old_moved_to = fedisim_community_moved_to (old_server, names[i]);
          seen.old_followers = -1;
          seen.new_found = TRUE;
          seen.new_has_alias = TRUE;
          seen.new_followers = -1;
          ferry_member_observe (member, &seen, NULL);
          n_moved++;
          /* Moved, no follower arrived yet: flagged after +24 h. */
          n_behind += truth == FEDISIM_MEMBER_MOVED;
        }
    }
  g_assert_cmpuint (n_moved, >, 0);
  ferry_community_store_add (store, community);

  window = ferry_ui_community_open_journey ();
  ferry_community_journey_open (ferry_ui_community_journey_of (window), community);
  page = ferry_community_journey_get_page (ferry_ui_community_journey_of (window));
  ferry_community_page_set_managers (page, manager, ferry_application_get_job_manager (app));
  ferry_ui_spin (300, NULL, NULL);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "community-posting");
  fedisim_server_reset_counts (old_server);
  fedisim_server_reset_counts (new_server);

  /* Announce…: the dialog shows the text core composed for the server's limit. */
  click (GTK_WIDGET (page), "page.announce");
  dialog = wait_for_window (FERRY_TYPE_ANNOUNCE_DIALOG);
  {
    g_autofree char *shown = ferry_announce_dialog_get_text (FERRY_ANNOUNCE_DIALOG (dialog));
    g_autofree char *composed = ferry_community_text_announcement (community, NULL, 500);
    GtkWidget *reminders = ferry_ui_find_widget (GTK_WIDGET (dialog), is_switch,
                                                 GINT_TO_POINTER (TRUE));

    g_assert_cmpstr (shown, ==, g_strstrip (composed));
    g_assert_false (ferry_announce_dialog_get_unlisted (FERRY_ANNOUNCE_DIALOG (dialog)));
    g_assert_true (ferry_announce_dialog_get_reminders (FERRY_ANNOUNCE_DIALOG (dialog)));
    ferry_ui_take_screenshot (GTK_WIDGET (dialog), "community-announce");
    /* Only the announcement: the reminders switched off, as a person does. */
    g_assert_nonnull (reminders);
    gtk_widget_activate (reminders);
    g_assert_false (ferry_announce_dialog_get_reminders (FERRY_ANNOUNCE_DIALOG (dialog)));
    click (GTK_WIDGET (dialog), "dialog.post");
  }
  ferry_ui_spin (20000, post_confirmed, community);
  ferry_ui_spin (20000, job_ended, page);
  {
    FerryCommunityPost *post = ferry_community_find_post (community, "announcement");
    g_autoptr(JsonNode) dump = fedisim_server_dump_account (old_server, "helper");

    g_assert_nonnull (post);
    g_assert_true (post->confirmed);
    g_assert_true (post->pinned);
    g_assert_nonnull (post->status_id);
    /* What the server holds: exactly one status, pinned once, nothing scheduled. */
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (dump), "statuses"), ==, 1);
    g_assert_cmpuint (fedisim_server_request_count (old_server, POST_ROUTE), ==, 1);
    g_assert_cmpuint (fedisim_server_request_count (old_server, PIN_ROUTE), ==, 1);
    g_assert_cmpuint (fedisim_server_scheduled_count (old_server, "helper"), ==, 0);
    /* Never a 429 or a 401; the new server not asked at all. */
    g_assert_cmpuint (fedisim_server_status_count (old_server, 429), ==, 0);
    g_assert_cmpuint (fedisim_server_status_count (old_server, 401), ==, 0);
    g_assert_cmpuint (fedisim_server_answer_count (new_server), ==, 0);
  }

  /* Export Follow List… through the save dialog: core's CSV, the helper's alone. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.export-follows", NULL);
  dialog = wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  {
    g_autofree char *expected = ferry_community_export_follows_csv (community, NULL);
    g_autofree char *written = NULL;
    g_autofree char *suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
    GStatBuf info;

    g_assert_cmpstr (suggested, ==, "following_accounts.csv");
    /* Typed as a whole path in the name field, as a person may. */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), export_path);
    ferry_ui_spin (300, NULL, NULL);
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    for (guint i = 0; i < 100 && !g_file_test (export_path, G_FILE_TEST_EXISTS); i++)
      ferry_ui_spin (50, NULL, NULL);
    ferry_ui_spin (200, NULL, NULL);
    g_assert_true (g_file_get_contents (export_path, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, expected);
    /* One row a moved member, under the header. */
    {
      g_auto(GStrv) lines = g_strsplit (written, "\n", -1);

      g_assert_cmpuint (g_strv_length (lines), ==, n_moved + 2);
    }
    g_assert_cmpint (g_stat (export_path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  }

  /* Export Lists File… and Export Guide as Web Page…: what core writes, 0600. */
  for (guint kind = 0; kind < 2; kind++)
    {
      g_autofree char *path = g_build_filename (dir, kind ? "guide.html" : "lists.csv", NULL);
      g_autofree char *expected = NULL;
      g_autofree char *written = NULL;
      GStatBuf info;

      gtk_widget_activate_action (GTK_WIDGET (page),
                                  kind ? "page.export-guide" : "page.export-lists", NULL);
      dialog = wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), path);
      ferry_ui_spin (300, NULL, NULL);
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
      for (guint i = 0; i < 100 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
        ferry_ui_spin (50, NULL, NULL);
      ferry_ui_spin (200, NULL, NULL);
      g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
      expected = kind ? ferry_community_guide_html (community)
                      : ferry_community_export_lists_csv (community, "Posting Circle", NULL);
      g_assert_cmpstr (written, ==, expected);
      g_assert_cmpint (g_stat (path, &info), ==, 0);
      g_assert_cmpint (info.st_mode & 0777, ==, 0600);
      g_unlink (path);
    }

  /* Printed (to a PDF here), on A4 and on small cards: laid out in whole pages, each one in
   * the file, more of them on the smaller paper. */
  {
    int on_a4 = 0;

    for (guint small = 0; small < 2; small++)
      {
        g_autofree char *pdf = g_build_filename (dir, "guide.pdf", NULL);
        g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
        g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (small ? GTK_PAPER_NAME_A5
                                                                  : GTK_PAPER_NAME_A4);
        g_autofree char *bytes = NULL;
        gsize length = 0;
        guint n_page = 0, n_pages_tree = 0;
        int n_pages;

        gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
        if (small)
          gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
        n_pages = ferry_community_page_print_guide (page, pdf, setup);
        g_assert_cmpint (n_pages, >=, 1);
        g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
        g_assert_true (length > 4 && memcmp (bytes, "%PDF", 4) == 0);
        /* Each page an object "/Type /Page" (the tree is "/Type /Pages"); byte by byte, as
         * the compressed streams hold NULs. */
        for (gsize at = 0; at + strlen ("/Type /Pages") < length; at++)
          if (memcmp (bytes + at, "/Type /Page", strlen ("/Type /Page")) == 0)
            {
              if (bytes[at + strlen ("/Type /Page")] == 's')
                n_pages_tree++;
              else
                n_page++;
            }
        g_assert_cmpuint (n_pages_tree, ==, 1);
        g_assert_cmpuint (n_page, ==, (guint) n_pages);
        g_test_message ("the guide printed on %d pages (%s)", n_pages, small ? "A5" : "A4");
        if (small)
          g_assert_cmpint (n_pages, >, on_a4);
        else
          on_a4 = n_pages;
        g_unlink (pdf);
      }
  }

  /* Verify: the moved members' followers on the new server against their baselines. */
  gtk_widget_activate_action (GTK_WIDGET (page), "page.verify", NULL);
  ferry_ui_spin (500, NULL, NULL);
  ferry_ui_spin (60000, job_ended, page);
  /* The results come in a dialog once the job is done (a slow machine: wait for it). */
  if (n_behind > 0)
    ferry_ui_spin (60000, has_message_dialog, NULL);
  ferry_ui_spin (500, NULL, NULL);
  g_assert_cmpuint (fedisim_server_status_count (new_server, 429), ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (new_server, 401), ==, 0);
  {
    GtkWindow *said = ferry_ui_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);

    /* The ones whose followers did not come are named, each with a reason and a remedy. */
    if (n_behind > 0)
      {
        GtkWidget *label = NULL;

        g_assert_nonnull (said);
        label = ferry_ui_find_widget_of_type (adw_message_dialog_get_extra_child (
                                                ADW_MESSAGE_DIALOG (said)), GTK_TYPE_LABEL);
        g_assert_nonnull (label);
        for (guint i = 0; names[i] != NULL; i++)
          if (fedisim_community_truth (old_server, names[i]) == FEDISIM_MEMBER_MOVED)
            {
              g_autofree char *address = g_strdup_printf ("%s@%s", names[i],
                                                          fedisim_server_get_host (old_server));

              g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), address));
            }
      }

    ferry_ui_take_screenshot (said ? GTK_WIDGET (said) : GTK_WIDGET (window),
                              "community-verify-results");
    if (said != NULL)
      gtk_window_destroy (said);
  }

  g_unlink (export_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  ferry_ui_community_clear_store ();
}

static gboolean
is_heading (GtkWindow  *window,
            const char *heading)
{
  return ADW_IS_MESSAGE_DIALOG (window) &&
         g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0;
}

static gboolean
forbidden_said (gpointer data)
{
  GtkWindow *window = ferry_ui_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);

  return window != NULL && is_heading (window, data);
}

/* Signed in from the individual journey (no right to post): the server refuses the post
 * (403, once), nothing is posted or pinned, and the helper is told how to sign in again. */
static void
test_community_posting_forbidden (void)
{
  FerryCommunityStore *store = ferry_application_get_community_store (app);
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(FerrySecretStore) secrets = ferry_memory_store_new ();
  g_autoptr(GTlsDatabase) trust = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(FerryAccountManager) manager = NULL;
  g_autoptr(FerryClient) client = NULL;
  g_autoptr(FerryAccount) account = NULL;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;
  FedisimServer *old_server;
  FerryCommunityPage *page;
  FerryWindow *window;
  GtkWindow *dialog;
  GtkWindow *said;

  ferry_ui_community_clear_store ();
  old_server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  trust = ferry_tls_database_new (fedisim_world_get_ca_file (world), &error);
  g_assert_no_error (error);
  g_object_get (ferry_application_get_settings (app), "schema-id", &schema, NULL);
  settings = g_settings_new_with_backend (schema, backend);
  manager = ferry_account_manager_new (secrets, settings, trust);
  /* What the individual journey asks for: reading, following, the move; no posting. */
  client = sign_in (old_server, trust, "helper", "read follow", &account);
  ferry_account_manager_adopt (manager, FERRY_ROLE_OLD, account, client);
  community = ferry_community_new ("Read Only", fedisim_server_get_host (old_server),
                                   "new.example", g_get_real_time () / G_USEC_PER_SEC + 30 * DAY);
  ferry_community_store_add (store, community);

  window = ferry_ui_community_open_journey ();
  ferry_community_journey_open (ferry_ui_community_journey_of (window), community);
  page = ferry_community_journey_get_page (ferry_ui_community_journey_of (window));
  ferry_community_page_set_managers (page, manager, ferry_application_get_job_manager (app));
  fedisim_server_reset_counts (old_server);
  click (GTK_WIDGET (page), "page.announce");
  dialog = wait_for_window (FERRY_TYPE_ANNOUNCE_DIALOG);
  click (GTK_WIDGET (dialog), "dialog.post");
  ferry_ui_spin (20000, forbidden_said, (gpointer) _("This Sign-in May Not Post"));
  said = ferry_ui_find_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (said);
  g_assert_true (is_heading (said, _("This Sign-in May Not Post")));
  ferry_ui_take_screenshot (GTK_WIDGET (said), "community-announce-forbidden");
  /* Refused once, not tried again; nothing posted, nothing pinned. */
  g_assert_cmpuint (fedisim_server_request_count (old_server, POST_ROUTE), ==, 1);
  g_assert_cmpuint (fedisim_server_status_count (old_server, 403), ==, 1);
  g_assert_cmpuint (fedisim_server_request_count (old_server, PIN_ROUTE), ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (old_server, 429), ==, 0);
  {
    g_autoptr(JsonNode) dump = fedisim_server_dump_account (old_server, "helper");

    g_assert_cmpint (json_object_get_int_member (json_node_get_object (dump), "statuses"), ==, 0);
  }
  /* Sign In Again… opens the sign-in for the old account's server. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (said), "sign-in");
  {
    GtkWindow *sign_in_dialog = wait_for_window (FERRY_TYPE_SIGN_IN_DIALOG);

    ferry_ui_spin (200, NULL, NULL);
    gtk_window_destroy (sign_in_dialog);
  }
  ferry_ui_spin (20000, job_ended, page);
  gtk_window_destroy (GTK_WINDOW (window));
  ferry_ui_community_clear_store ();
}

void
ferry_ui_add_community_posting_test (FerryApplication *application,
                                     FedisimWorld     *fedisim)
{
  app = application;
  world = fedisim;
  g_test_add_func ("/ui/community-posting", test_community_posting);
  g_test_add_func ("/ui/community-posting-forbidden", test_community_posting_forbidden);
}
