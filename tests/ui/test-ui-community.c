/* test-ui-community.c: the community journey, driven through the widgets a person uses
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of test-ui: from the start screen's row to a new community (the dialog, with the
 * two-week warning), members added by pasting, the roster and its summary, the filter by
 * state and the search, a member's detail edited, the roster exported through the save
 * dialog; photographed empty, with the roster, mid-move and in the verify phase. Then a
 * 5,000-member roster scrolled and filtered with its frame times measured.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/stat.h>

#include "ferry-community-chart.h"
#include "ferry-community-dialog.h"
#include "ferry-community-journey.h"
#include "ferry-community-page.h"
#include "ferry-import-dialog.h"
#include "ferry-member-dialog.h"
#include "ferry-member-row.h"
#include "ferry-test-community-util.h"
#include "ferry-test-util.h"
#include "ferry-ui-journey.h"
#include "ferry-ui-test-util.h"
#include "test-ui-community.h"

static FerryApplication *app;
static FedisimWorld *world;

#define DAY (24 * 3600)

static gboolean
is_community_row (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ferry_ui_is_journey_row (widget, NULL) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                    _("Help a Community Move")) == 0;
}

static gboolean
is_mapped_button_with_action (GtkWidget     *widget,
                              gconstpointer  action)
{
  return ferry_ui_is_button_with_action (widget, action) && gtk_widget_get_mapped (widget);
}

/* Clicks the button on show that activates @action, as a person does. */
static void
click (GtkWidget  *root,
       const char *action)
{
  GtkWidget *button = ferry_ui_find_widget (root, is_mapped_button_with_action, action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = ferry_ui_find_widget (root, is_entry_row_titled, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
has_window_of_type (gpointer type)
{
  return ferry_ui_find_window_of_type (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
has_no_import_dialog (gpointer data)
{
  return ferry_ui_find_window_of_type (FERRY_TYPE_IMPORT_DIALOG) == NULL;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  start)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)),
                                                    start);
}

static GtkWindow *
wait_for_window (GType type)
{
  ferry_ui_spin (5000, has_window_of_type, GSIZE_TO_POINTER (type));
  g_assert_nonnull (ferry_ui_find_window_of_type (type));
  return ferry_ui_find_window_of_type (type);
}

static gboolean
is_label_with_class (GtkWidget     *widget,
                     gconstpointer  css)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css);
}

/* The label of @page with style class @css (the summary is "title-2"). */
static const char *
label_text (GtkWidget  *page,
            const char *css)
{
  GtkWidget *label = ferry_ui_find_widget (page, is_label_with_class, css);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

typedef struct
{
  GtkWidget  *page;
  const char *css;
  const char *expected;
} LabelWait;

static gboolean
label_is (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = ferry_ui_find_widget (wait->page, is_label_with_class, wait->css);

  return label != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)),
                                     wait->expected) == 0;
}

/* The page follows its model on idle: under a sanitizer on a loaded machine that can take a
 * while, so wait (up to 10 s) for the label, then assert it. */
static void
assert_label (GtkWidget  *page,
              const char *css,
              const char *expected)
{
  LabelWait wait = { page, css, expected };

  ferry_ui_spin (10000, label_is, &wait);
  g_assert_cmpstr (label_text (page, css), ==, expected);
}

/* The last GtkListBox under @root, depth first. */
static GtkWidget *
last_list_box (GtkWidget *root)
{
  GtkWidget *found = GTK_IS_LIST_BOX (root) ? root : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *below = last_list_box (child);

      if (below != NULL)
        found = below;
    }
  return found;
}

/* The roster's list (the state filter's popover has a list view too). */
gboolean
ferry_ui_community_is_roster (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "roster");
}

FerryCommunityJourney *
ferry_ui_community_journey_of (FerryWindow *window)
{
  return ferry_window_get_community_journey (window);
}

void
ferry_ui_community_clear_store (void)
{
  FerryCommunityStore *store = ferry_application_get_community_store (app);

  while (g_list_model_get_n_items (G_LIST_MODEL (store)) > 0)
    {
      g_autoptr(FerryCommunity) community = g_list_model_get_item (G_LIST_MODEL (store), 0);

      g_assert_true (ferry_community_store_remove (store, community, NULL));
    }
}

/* The window at the community journey's list, from the start screen's row. */
FerryWindow *
ferry_ui_community_open_journey (void)
{
  FerryWindow *window;
  GtkWidget *row;

  g_settings_set_string (ferry_application_get_settings (app), "journey", "");
  window = ferry_ui_new_window (app);
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 3);
  row = ferry_ui_find_widget (GTK_WIDGET (window), is_community_row, NULL);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (ferry_ui_shown_journey (window), ==, "community");
  return window;
}

/* Members observed as the servers would show them: @n_each of the states below, in turn. */
static void
observe_mid_move (FerryCommunity *community,
                  gint64          now)
{
  guint n = ferry_community_get_n_members (community);

  for (guint i = 0; i < n; i++)
    {
      FerryMember *member = ferry_community_get_member (community, i);
      g_autofree char *elsewhere = NULL;
      FerryMemberObservation seen = {
        .time = now - (n - i) * 600, .old_found = TRUE, .old_followers = 100,
        .old_last_status = "2026-11-20", .new_followers = -1,
      };

      ferry_member_set_baseline (member, 100, 40, 250, "2026-11-20", now - 20 * DAY);
      if (i < 24)          /* moved to the expected address, most followers there */
        {
          seen.old_moved_to = ferry_member_get_new_address (member);
          seen.new_found = TRUE;
          seen.new_has_alias = TRUE;
          seen.new_followers = i < 16 ? 90 : 40;
        }
      else if (i < 27)     /* went somewhere else */
        {
          elsewhere = g_strdup_printf ("member%u@elsewhere.example", i);
          seen.old_moved_to = elsewhere;
        }
      else if (i < 30)     /* a new account, with the alias */
        {
          seen.new_found = TRUE;
          seen.new_has_alias = i < 29;
          seen.new_followers = 0;
        }
      else if (i < 35)     /* not started */
        ;
      else                 /* gone */
        {
          seen.old_found = FALSE;
          seen.old_gone = TRUE;
        }
      ferry_member_observe (member, &seen, NULL);
    }
}

static void
test_community (void)
{
  FerryCommunityStore *store = ferry_application_get_community_store (app);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GString) pasted = g_string_new ("# the knitting circle\n");
  g_autofree char *dir = g_dir_make_tmp ("ferry-ui-community-XXXXXX", NULL);
  g_autofree char *export_path = g_build_filename (dir, "roster.csv", NULL);
  FerryCommunityJourney *journey;
  FerryCommunityPage *page;
  FerryCommunity *community;
  FerryWindow *window;
  GtkWindow *dialog;
  GtkWidget *warning;

  ferry_ui_community_clear_store ();
  window = ferry_ui_community_open_journey ();
  journey = ferry_ui_community_journey_of (window);
  g_assert_true (ferry_ui_find_widget (GTK_WIDGET (journey), ferry_ui_is_shown_title,
                                       _("Help a Community Move")) != NULL);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "community-empty");

  /* A new community: Create stays off until the name and both servers are there. */
  click (GTK_WIDGET (journey), "journey.new");
  dialog = wait_for_window (FERRY_TYPE_COMMUNITY_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_false (gtk_widget_is_sensitive (ferry_ui_find_widget (GTK_WIDGET (dialog),
                                                                 ferry_ui_is_button_with_action,
                                                                 "dialog.create")));
  type_into (GTK_WIDGET (dialog), _("Name"), "Knitting Circle");
  type_into (GTK_WIDGET (dialog), _("Old server"), "https://Old.Example/");
  type_into (GTK_WIDGET (dialog), _("New server"), "old.example");
  /* The same server twice is not a move. */
  g_assert_false (gtk_widget_is_sensitive (ferry_ui_find_widget (GTK_WIDGET (dialog),
                                                                 ferry_ui_is_button_with_action,
                                                                 "dialog.create")));
  type_into (GTK_WIDGET (dialog), _("New server"), "new.example");
  /* Five days out: the warning the model gives, word for word. */
  {
    GtkCalendar *calendar = GTK_CALENDAR (ferry_ui_find_widget_of_type (GTK_WIDGET (dialog),
                                                                        GTK_TYPE_CALENDAR));
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_autoptr(GDateTime) soon = g_date_time_add_days (today, 5);
    g_autoptr(GDateTime) later = g_date_time_add_days (today, 60);
    g_autoptr(FerryCommunity) probe = NULL;
    g_autofree char *expected = NULL;
    g_autoptr(GDateTime) end = g_date_time_new_local (g_date_time_get_year (soon),
                                                      g_date_time_get_month (soon),
                                                      g_date_time_get_day_of_month (soon),
                                                      23, 59, 0);

    gtk_calendar_select_day (calendar, soon);
    probe = ferry_community_new ("", "a.example", "b.example", g_date_time_to_unix (end));
    expected = ferry_community_check_deadline (probe, now);
    g_assert_nonnull (expected);
    warning = ferry_ui_find_widget (GTK_WIDGET (dialog), is_label_with_class, "warning");
    g_assert_true (gtk_widget_get_visible (warning));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (warning)), ==, expected);
    ferry_ui_wait_for_frames (GTK_WIDGET (dialog), 3);
    ferry_ui_take_screenshot (GTK_WIDGET (dialog), "community-new");
    gtk_calendar_select_day (calendar, later);
    g_assert_false (gtk_widget_get_visible (warning));
  }
  click (GTK_WIDGET (dialog), "dialog.create");
  ferry_ui_spin (200, NULL, NULL);
  g_assert_null (ferry_ui_find_window_of_type (FERRY_TYPE_COMMUNITY_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  community = ferry_community_store_find (store, "Knitting Circle");
  g_assert_nonnull (community);
  g_assert_cmpstr (ferry_community_get_old_host (community), ==, "old.example");
  g_assert_cmpstr (ferry_community_get_new_host (community), ==, "new.example");
  g_assert_cmpint (ferry_community_days_left (community, now), >=, 59);
  g_assert_cmpint (ferry_community_days_left (community, now), <=, 60);
  /* Straight into the new community's page, its roster empty. */
  page = ferry_community_journey_get_page (journey);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (ferry_community_page_get_community (page) == community);

  /* Members pasted: 40 addresses in three forms, and a line that is none. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (pasted, i % 3 == 0 ? "@member%u@old.example\n"
                                    : i % 3 == 1 ? "member%u@old.example\n"
                                    : "https://old.example/@member%u\n", i);
  g_string_append (pasted, "not an address\n");
  click (GTK_WIDGET (page), "page.import");
  dialog = wait_for_window (FERRY_TYPE_IMPORT_DIALOG);
  g_assert_false (gtk_widget_is_sensitive (ferry_ui_find_widget (GTK_WIDGET (dialog),
                                                                 ferry_ui_is_button_with_action,
                                                                 "dialog.add")));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              ferry_ui_find_widget_of_type (GTK_WIDGET (dialog),
                                                            GTK_TYPE_TEXT_VIEW))),
                            pasted->str, -1);
  ferry_ui_take_screenshot (GTK_WIDGET (dialog), "community-import");
  click (GTK_WIDGET (dialog), "dialog.add");
  ferry_ui_spin (200, NULL, NULL);
  g_assert_null (ferry_ui_find_window_of_type (FERRY_TYPE_IMPORT_DIALOG));
  g_assert_cmpuint (ferry_community_get_n_members (community), ==, 40);
  g_assert_nonnull (ferry_community_find_member (community, "member7@old.example"));
  g_assert_cmpuint (g_list_model_get_n_items (ferry_community_page_get_shown (page)), ==, 40);
  {
    g_autofree char *summary = ferry_community_describe_counts (community);

    assert_label (GTK_WIDGET (page), "title-2", summary);
  }
  /* The page does not make the window taller than a laptop's screen. */
  {
    int min_height, nat_height;

    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 1280, &min_height,
                        &nat_height, NULL, NULL);
    g_test_message ("the window at 1280 px wide: at least %d px tall", min_height);
    g_assert_cmpint (min_height, <=, 700);
  }
  ferry_ui_take_screenshot (GTK_WIDGET (window), "community-roster");

  /* From a file: Mastodon's follow CSV, one member already there, two new. */
  {
    g_autofree char *csv_path = g_build_filename (dir, "following_accounts.csv", NULL);
    g_autoptr(GFile) csv = g_file_new_for_path (csv_path);

    g_assert_true (g_file_set_contents (csv_path,
                                        "Account address,Show boosts,Notify on new posts,"
                                        "Languages\n"
                                        "member1@old.example,true,false,\n"
                                        "member40@old.example,true,false,\n"
                                        "member41@old.example,true,false,\n", -1, NULL));
    click (GTK_WIDGET (page), "page.import");
    dialog = wait_for_window (FERRY_TYPE_IMPORT_DIALOG);
    /* What the file chooser's answer does (the chooser itself is the desktop's). */
    ferry_import_dialog_add_file (FERRY_IMPORT_DIALOG (dialog), csv);
    ferry_ui_spin (3000, has_no_import_dialog, NULL);
    g_assert_null (ferry_ui_find_window_of_type (FERRY_TYPE_IMPORT_DIALOG));
    g_assert_cmpuint (ferry_community_get_n_members (community), ==, 42);
    g_assert_true (ferry_member_get_sources (ferry_community_find_member (
                     community, "member41@old.example")) & FERRY_MEMBER_SOURCE_CSV);
    /* Merged, not doubled: the member pasted before was found in the file too. */
    g_assert_true (ferry_member_get_sources (ferry_community_find_member (
                     community, "member1@old.example")) & FERRY_MEMBER_SOURCE_CSV);
    g_assert_true (ferry_community_remove_member (community, "member40@old.example"));
    g_assert_true (ferry_community_remove_member (community, "member41@old.example"));
  }

  /* Mid-move: three passes over the last days, as the chart shows them. */
  ferry_community_set_phase (community, FERRY_COMMUNITY_PHASE_MOVE);
  {
    FerryMemberObservation first = { .time = now - 6 * DAY, .old_found = TRUE,
                                     .old_followers = 100, .new_followers = -1 };

    for (guint i = 0; i < 40; i++)
      ferry_member_observe (ferry_community_get_member (community, i), &first, NULL);
    ferry_community_take_snapshot (community, now - 6 * DAY);
  }
  observe_mid_move (community, now - 3 * DAY);
  ferry_community_take_snapshot (community, now - 3 * DAY);
  observe_mid_move (community, now);
  ferry_community_take_snapshot (community, now);
  /* The page follows once per main loop turn. */
  ferry_ui_spin (100, NULL, NULL);
  {
    g_autofree char *summary = ferry_community_describe_counts (community);
    FerryCommunityChart *chart = FERRY_COMMUNITY_CHART (
      ferry_ui_find_widget_of_type (GTK_WIDGET (page), FERRY_TYPE_COMMUNITY_CHART));

    assert_label (GTK_WIDGET (page), "title-2", summary);
    g_assert_nonnull (strstr (summary, "24"));
    g_assert_nonnull (ferry_community_chart_get_description (chart));
    g_test_message ("chart: %s", ferry_community_chart_get_description (chart));
  }
  ferry_ui_take_screenshot (GTK_WIDGET (window), "community-mid-move");
  /* Narrow, as the rest of the window goes: the chart below the summary, the buttons
   * wrapped. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 10);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "community-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 10);

  /* Filtered by state: only those elsewhere; then searched. */
  {
    GtkDropDown *states = GTK_DROP_DOWN (ferry_ui_find_widget_of_type (GTK_WIDGET (page),
                                                                        GTK_TYPE_DROP_DOWN));
    GtkWidget *search = ferry_ui_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
    GListModel *shown = ferry_community_page_get_shown (page);

    gtk_drop_down_set_selected (states, FERRY_MEMBER_STATE_ELSEWHERE + 1);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==,
                      ferry_community_count (community, FERRY_MEMBER_STATE_ELSEWHERE));
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(FerryMember) member = g_list_model_get_item (shown, i);

        g_assert_cmpint (ferry_member_get_state (member), ==, FERRY_MEMBER_STATE_ELSEWHERE);
      }
    ferry_ui_take_screenshot (GTK_WIDGET (window), "community-filtered");
    gtk_drop_down_set_selected (states, 0);
    gtk_editable_set_text (GTK_EDITABLE (search), "MEMBER3");
    /* The search entry waits a moment before it says its text changed. */
    ferry_ui_spin (600, NULL, NULL);
    /* member3, member30..39 */
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 11);
    gtk_editable_set_text (GTK_EDITABLE (search), "member25@");
    ferry_ui_spin (600, NULL, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (search), "nobody");
    ferry_ui_spin (600, NULL, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (ferry_ui_find_widget (
                       GTK_WIDGET (page), ferry_ui_is_stack_with, "none-shown"))), ==,
                     "none-shown");
    gtk_editable_set_text (GTK_EDITABLE (search), "member25@");
    ferry_ui_spin (600, NULL, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  }

  /* A member opened from the list (Enter on the row), their history shown and edited. */
  {
    GtkWidget *view = ferry_ui_find_widget (GTK_WIDGET (page), ferry_ui_community_is_roster, NULL);
    FerryMember *member = ferry_community_find_member (community, "member25@old.example");
    FerryMemberDialog *detail;
    GtkWidget *history;
    GtkWidget *row;
    guint n_rows = 0;

    ferry_ui_wait_for_frames (view, 3);
    g_assert_true (gtk_widget_activate_action (view, "list.activate-item", "u", 0));
    detail = FERRY_MEMBER_DIALOG (wait_for_window (FERRY_TYPE_MEMBER_DIALOG));
    g_assert_true (ferry_member_dialog_get_member (detail) == member);
    /* The history (the dialog's last list): one row a record, the newest first. */
    history = last_list_box (GTK_WIDGET (detail));
    g_assert_nonnull (history);
    for (row = gtk_widget_get_first_child (history); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      n_rows += ADW_IS_ACTION_ROW (row);
    g_assert_cmpuint (n_rows, ==, ferry_member_get_history (member)->len);
    g_assert_cmpuint (n_rows, >=, 2);
    {
      GArray *records = ferry_member_get_history (member);
      FerryMemberRecord *newest = &g_array_index (records, FerryMemberRecord, records->len - 1);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                         gtk_widget_get_first_child (history))), ==,
                       ferry_member_state_to_label (newest->state));
    }
    ferry_ui_wait_for_frames (GTK_WIDGET (detail), 3);
    ferry_ui_take_screenshot (GTK_WIDGET (detail), "community-member");
    type_into (GTK_WIDGET (detail), _("Expected new address"), "@Knits@Wool.Example");
    g_signal_emit_by_name (ferry_ui_find_widget (GTK_WIDGET (detail), is_entry_row_titled,
                                                 _("Expected new address")), "apply");
    g_assert_cmpstr (ferry_member_get_new_address (member), ==, "knits@wool.example");
    g_assert_true (ferry_member_get_new_address_set (member));
    type_into (GTK_WIDGET (detail), _("Expected new address"), "not an address");
    g_signal_emit_by_name (ferry_ui_find_widget (GTK_WIDGET (detail), is_entry_row_titled,
                                                 _("Expected new address")), "apply");
    g_assert_cmpstr (ferry_member_get_new_address (member), ==, "knits@wool.example");
    gtk_switch_set_active (GTK_SWITCH (ferry_ui_find_widget_of_type (GTK_WIDGET (detail),
                                                                     GTK_TYPE_SWITCH)), TRUE);
    g_assert_true (ferry_member_get_opted_out (member));
    gtk_window_close (GTK_WINDOW (detail));
  }

  /* Exported through the save dialog: the roster CSV, the helper's alone. */
  click (GTK_WIDGET (page), "page.export");
  dialog = wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  {
    g_autoptr(GFile) file = g_file_new_for_path (export_path);
    g_autofree char *written = NULL;
    g_autofree char *expected = ferry_community_export_roster_csv (community);
    GStatBuf info;

    g_autofree char *suggested = NULL;

    /* The name suggested is the community's. */
    suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
    g_assert_nonnull (strstr (suggested, "Knitting Circle"));
    /* Typed as a whole path in the name field, as a person may. */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), export_path);
    ferry_ui_spin (300, NULL, NULL);
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_autofree char *chosen_path = NULL;

      g_assert_nonnull (chosen);
      chosen_path = g_file_get_path (chosen);
      g_assert_cmpstr (chosen_path, ==, export_path);
    }
    gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
    for (guint i = 0; i < 100 && !g_file_test (export_path, G_FILE_TEST_EXISTS); i++)
      ferry_ui_spin (50, NULL, NULL);
    ferry_ui_spin (200, NULL, NULL);
    g_assert_true (g_file_get_contents (export_path, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, expected);
    g_assert_nonnull (strstr (written, "knits@wool.example"));
    g_assert_cmpint (g_stat (export_path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  }

  /* The verify phase. */
  gtk_editable_set_text (GTK_EDITABLE (ferry_ui_find_widget_of_type (GTK_WIDGET (page),
                                                                     GTK_TYPE_SEARCH_ENTRY)), "");
  ferry_ui_spin (600, NULL, NULL);
  /* The deadline passed: the followers on the new accounts are what counts now. */
  ferry_community_set_deadline (community, now - 2 * DAY);
  ferry_community_set_phase (community, FERRY_COMMUNITY_PHASE_VERIFY);
  ferry_ui_spin (100, NULL, NULL);
  assert_label (GTK_WIDGET (page), "caption-heading",
                _("Verifying: followers on the new accounts against the baselines"));
  {
    int ago = -ferry_community_days_left (community, g_get_real_time () / G_USEC_PER_SEC);
    g_autofree char *passed = g_strdup_printf (ngettext ("The deadline was %d day ago, %s",
                                                         "The deadline was %d days ago, %s",
                                                         ago), ago, "");

    g_assert_cmpint (ago, >=, 2);
    /* "The deadline was 2 days ago, " and the date */
    g_assert_true (ferry_ui_find_widget (GTK_WIDGET (page), is_label_starting, passed) != NULL);
  }
  /* The moved members say how many of their followers arrived. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ferry_ui_find_widget_of_type (GTK_WIDGET (page),
                                                                           GTK_TYPE_DROP_DOWN)),
                              0);
  {
    GtkWidget *view = ferry_ui_find_widget (GTK_WIDGET (page), ferry_ui_community_is_roster, NULL);

    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                GTK_SCROLLED_WINDOW (gtk_widget_get_parent (view))), 0);
    ferry_ui_wait_for_frames (view, 3);
  }
  ferry_ui_take_screenshot (GTK_WIDGET (window), "community-verify");

  /* Back to the list: the community there, with its counts. */
  click (GTK_WIDGET (journey), "journey.show-list");
  {
    GtkWidget *row = ferry_ui_find_row (GTK_WIDGET (journey), "Knitting Circle");

    g_assert_nonnull (row);
    ferry_ui_take_screenshot (GTK_WIDGET (window), "community-list");
    g_signal_emit_by_name (row, "activate");
    g_assert_true (ferry_community_page_get_community (page) == community);
  }

  /* Opened again at the next start. */
  {
    g_autofree char *open_next = g_settings_get_string (ferry_application_get_settings (app),
                                                        "journey");
    FerryWindow *again;

    g_assert_cmpstr (open_next, ==, "community");
    again = ferry_ui_new_window (app);
    ferry_ui_wait_for_frames (GTK_WIDGET (again), 3);
    g_assert_cmpstr (ferry_ui_shown_journey (again), ==, "community");
    g_assert_nonnull (ferry_ui_find_row (GTK_WIDGET (ferry_ui_community_journey_of (again)),
                                         "Knitting Circle"));
    gtk_window_destroy (GTK_WINDOW (again));
  }

  /* Saved: the store writes it, and it reads back with its roster. */
  g_assert_true (ferry_community_store_flush (store, NULL));
  {
    g_autofree char *path = ferry_community_store_path_for (store, community);
    g_autoptr(FerryCommunity) again = ferry_community_load (path, NULL);

    g_assert_nonnull (again);
    g_assert_cmpuint (ferry_community_get_n_members (again), ==, 40);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ferry_test_remove_tree (dir);
}

/* ---- A check against fedisim -------------------------------------------------------- */

static gboolean
job_box_shown (gpointer data)
{
  GtkWidget *bar = ferry_ui_find_widget_of_type (GTK_WIDGET (data), GTK_TYPE_PROGRESS_BAR);

  return bar != NULL && gtk_widget_get_mapped (bar);
}

static gboolean
job_box_gone (gpointer data)
{
  return !job_box_shown (data);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The window's Check States button runs a pass against the community fixture: the progress
 * shows while it runs (and pauses), every member ends in the state fedisim's truth says, and
 * the summary and chart follow; never a 429, never a member asked twice. */
static void
test_community_check (void)
{
  FerryCommunityStore *store = ferry_application_get_community_store (app);
  g_autoptr(GError) error = NULL;
  FedisimCommunityConfig config = { 0 };
  FedisimServer *old_server, *new_server, *elsewhere;
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(GDateTime) since = NULL;
  const char * const *names;
  FerryCommunityPage *page;
  FerryWindow *window;
  char inactive[16];
  guint n = 0;

  ferry_ui_community_clear_store ();
  old_server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  new_server = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  elsewhere = fedisim_world_add_server (world, FEDISIM_FLAVOUR_MASTODON, "4.5.0", &error);
  g_assert_no_error (error);
  since = g_date_time_new_from_unix_utc (fedisim_world_now (world) - 120 * DAY);
  g_snprintf (inactive, sizeof inactive, "%04d-%02d-%02d", g_date_time_get_year (since),
              g_date_time_get_month (since), g_date_time_get_day_of_month (since));
  config.n_members = 10;
  config.seed = 15;
  config.inactive_since = inactive;
  config.elsewhere = elsewhere;
  names = fedisim_server_seed_community (old_server, new_server, &config);
  g_assert_nonnull (names);

  community = ferry_community_new ("Fixture", fedisim_server_get_host (old_server),
                                   fedisim_server_get_host (new_server),
                                   g_get_real_time () / G_USEC_PER_SEC + 30 * DAY);
  ferry_community_set_inactive_since (community, inactive);
  for (; names[n] != NULL; n++)
    {
      g_autofree char *address = g_strdup_printf ("%s@%s", names[n],
                                                  fedisim_server_get_host (old_server));
      FerryMember *member = ferry_community_add_member (community, address,
                                                        FERRY_MEMBER_SOURCE_PASTED, &error);

      g_assert_no_error (error);
      ferry_member_set_baseline (member, fedisim_community_baseline_followers (old_server,
                                                                               names[n]),
                                 -1, -1, NULL, fedisim_world_now (world));
    }
  ferry_community_store_add (store, community);

  window = ferry_ui_community_open_journey ();
  ferry_community_journey_open (ferry_ui_community_journey_of (window), community);
  page = ferry_community_journey_get_page (ferry_ui_community_journey_of (window));
  fedisim_server_reset_counts (old_server);
  fedisim_server_reset_counts (new_server);
  click (GTK_WIDGET (page), "page.check");
  ferry_ui_spin (5000, job_box_shown, page);
  g_assert_true (job_box_shown (page));
  /* While it runs, no second one. */
  g_assert_false (gtk_widget_is_sensitive (ferry_ui_find_widget (GTK_WIDGET (page),
                                                                 ferry_ui_is_button_with_action,
                                                                 "page.check")));
  ferry_ui_take_screenshot (GTK_WIDGET (window), "community-checking");
  /* Paused from its button, and resumed. */
  click (GTK_WIDGET (page), "page.pause");
  g_assert_nonnull (ferry_ui_find_widget (GTK_WIDGET (page), is_button_labelled, _("_Resume")));
  click (GTK_WIDGET (page), "page.pause");
  g_assert_nonnull (ferry_ui_find_widget (GTK_WIDGET (page), is_button_labelled, _("_Pause")));
  /* Paced within the budget: about a second a request per server. */
  ferry_ui_spin (90000, job_box_gone, page);
  g_assert_true (job_box_gone (page));
  ferry_ui_spin (200, NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *address = g_strdup_printf ("%s@%s", names[i],
                                                  fedisim_server_get_host (old_server));
      FerryMember *member = ferry_community_find_member (community, address);

      g_assert_cmpint (ferry_member_get_state (member), ==,
                       ferry_test_community_expected (fedisim_community_truth (old_server,
                                                                               names[i])));
    }
  g_assert_cmpuint (ferry_community_get_snapshots (community)->len, ==, 1);
  {
    g_autofree char *summary = ferry_community_describe_counts (community);

    assert_label (GTK_WIDGET (page), "title-2", summary);
    g_assert_null (strstr (summary, "not checked"));
  }
  /* What must not happen: a 429, a member asked twice, a token sent. */
  g_assert_cmpuint (fedisim_server_status_count (old_server, 429), ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (new_server, 429), ==, 0);
  g_assert_cmpuint (fedisim_server_request_count (old_server, "GET /api/v1/accounts/lookup"), ==,
                    n);
  g_assert_cmpuint (fedisim_server_status_count (old_server, 401), ==, 0);
  g_assert_cmpuint (fedisim_server_status_count (new_server, 401), ==, 0);
  ferry_ui_take_screenshot (GTK_WIDGET (window), "community-checked");

  /* Refresh Roster into an empty community: the old server's profile directory, without a
   * sign-in; moved accounts are not in it. */
  {
    g_autoptr(FerryCommunity) fresh =
      ferry_community_new ("Directory", fedisim_server_get_host (old_server),
                           fedisim_server_get_host (new_server),
                           g_get_real_time () / G_USEC_PER_SEC + 30 * DAY);
    guint found;

    ferry_community_store_add (store, fresh);
    ferry_community_journey_open (ferry_ui_community_journey_of (window), fresh);
    ferry_ui_wait_for_frames (GTK_WIDGET (page), 3);
    click (GTK_WIDGET (page), "page.refresh");
    ferry_ui_spin (5000, job_box_shown, page);
    ferry_ui_spin (60000, job_box_gone, page);
    g_assert_true (job_box_gone (page));
    ferry_ui_spin (200, NULL, NULL);
    found = ferry_community_get_n_members (fresh);
    g_test_message ("the directory gave %u of %u members", found, n);
    g_assert_cmpuint (found, >, 0);
    g_assert_cmpuint (found, <=, n);
    for (guint i = 0; i < found; i++)
      {
        FerryMember *member = ferry_community_get_member (fresh, i);
        const char *address = ferry_member_get_old_address (member);
        g_autofree char *name = g_strndup (address, strchr (address, '@') - address);
        FedisimMemberState truth = fedisim_community_truth (old_server, name);

        g_assert_true (ferry_member_get_sources (member) & FERRY_MEMBER_SOURCE_DIRECTORY);
        g_assert_true (truth != FEDISIM_MEMBER_MOVED && truth != FEDISIM_MEMBER_ARRIVING &&
                       truth != FEDISIM_MEMBER_DONE && truth != FEDISIM_MEMBER_ELSEWHERE);
      }
    g_assert_cmpuint (g_list_model_get_n_items (ferry_community_page_get_shown (page)), ==,
                      found);
    g_assert_cmpuint (fedisim_server_status_count (old_server, 429), ==, 0);
    ferry_ui_take_screenshot (GTK_WIDGET (window), "community-refreshed");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ferry_ui_community_clear_store ();
}

void
ferry_ui_add_community_tests (FerryApplication    *application,
                              FedisimWorld        *fedisim,
                              FerryAccountManager *manager)
{
  app = application;
  world = fedisim;
  g_test_add_func ("/ui/community", test_community);
  g_test_add_func ("/ui/community-check", test_community_check);
  ferry_ui_add_community_large_test (application);
  ferry_ui_add_community_posting_test (application, fedisim);
}
