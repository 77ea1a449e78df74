/* test-ui-quality.c: the window goes idle, and every control is named and reachable by Tab
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb, with animations off (a test must not wait for a transition) but while
 * the idle window is watched, and with
 * GTK_A11Y=test, so that what a screen reader would read can be asked of each widget.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ferry-application.h"
#include "ferry-community-journey.h"
#include "ferry-memory-store.h"
#include "ferry-test-util.h"
#include "ferry-ui-journey.h"
#include "ferry-ui-test-util.h"
#include "ferry-window.h"

static FerryApplication *app;
static FerryAccountManager *manager;

/* The step pages: the page's name in the window, and its row's title in the sidebar
 * (NULL: the page has no row of its own). */
static const struct { const char *page; const char *title; } pages[] = {
  { "accounts", N_("Accounts") },
  { "backup", N_("Backup") },
  { "transfer", N_("Transfer") },
  { "move", N_("Alias and Move") },
  { "followers", N_("Followers") },
  { "done", N_("Summary") },
};

static FerryWindow *
new_window (void)
{
  FerryWindow *window;

  g_settings_set_string (ferry_application_get_settings (app), "journey", "");
  window = ferry_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 3);
  return window;
}

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* Opens the individual journey from the start screen, as a click on its row does. */
static void
open_journey (FerryWindow *window)
{
  GtkWidget *row = ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_journey_row, NULL);

  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (ferry_ui_shown_journey (window), ==, "individual");
}

/* Shows step page @i: from its sidebar row when that opens, else as a page's button does
 * (a locked step's page still shows, saying what comes first). */
static void
open_page (FerryWindow *window,
           guint        i)
{
  GtkWidget *row = ferry_ui_step_row (window, _(pages[i].title));

  if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
    g_signal_emit_by_name (row, "activate");
  else
    ferry_window_show_page (window, pages[i].page);
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, pages[i].page);
}

static char *describe (GtkWidget *widget);

/* ---- Idle ---------------------------------------------------------------------------- */

/* Loops known when this test was written, in files this test's branch could not change:
 * widgets that animate while not on show. Each is stopped before the count, to be fixed in
 * the file named and then taken off this list; any other fails. */
/* Spinners known to spin out of sight (each with where it lives and why); none today. The move
 * page's loading spinner was one (~50 layouts a second on every screen): it now spins only
 * while mapped. */
static const char *const known_loops[] = {
  NULL,
};

static gboolean
is_hidden_spinner (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget)) &&
         !gtk_widget_get_mapped (widget);
}

/* Stops the known spinners spinning out of sight; appends any other to @failures, and each
 * known one no longer found. */
static void
stop_known_loops (FerryWindow *window,
                  const char  *what,
                  GString     *failures)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *spinner;

  while ((spinner = ferry_ui_find_widget (GTK_WIDGET (window), is_hidden_spinner, NULL)))
    {
      char *where = describe (spinner);

      if (!g_strv_contains (known_loops, where))
        g_string_append_printf (failures, "\n  %s: %s spins out of sight", what, where);
      gtk_spinner_set_spinning (GTK_SPINNER (spinner), FALSE);
      g_ptr_array_add (found, where);
    }
  for (guint i = 0; known_loops[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (found, known_loops[i], g_str_equal, NULL))
      g_string_append_printf (failures, "\n  %s: %s stopped: take it off known_loops[]",
                              what, known_loops[i]);
}

static void
count (GdkFrameClock *clock,
       guint         *n)
{
  (*n)++;
}

/* Lets @window settle, then counts the frames its clock lays out and paints in 5 s with
 * nothing happening; appends to @failures when either is above 5. */
static void
check_idle (FerryWindow *window,
            const char  *what,
            GString     *failures)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  guint layouts = 0;
  guint paints = 0;
  gulong layout_id;
  gulong paint_id;

  g_assert_nonnull (clock);
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 3);
  spin (1000);
  layout_id = g_signal_connect (clock, "layout", G_CALLBACK (count), &layouts);
  paint_id = g_signal_connect (clock, "paint", G_CALLBACK (count), &paints);
  spin (5000);
  g_signal_handler_disconnect (clock, layout_id);
  g_signal_handler_disconnect (clock, paint_id);
  g_test_message ("idle %s: %u layouts, %u paints in 5 s", what, layouts, paints);
  if (layouts > 5 || paints > 5)
    g_string_append_printf (failures, "\n  %s: %u layouts, %u paints in 5 s", what, layouts,
                            paints);
}

/* A window with nothing happening draws nothing: no animation, no relayout loop. With
 * animations on, as a person has them: the window before the assistant (36f994b) laid out
 * 263 frames in 5 s here, with them off none; the assistant, before known_loops[], ~240. */
static void
test_idle (void)
{
  FerryWindow *window;
  g_autoptr(GString) failures = g_string_new (NULL);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  window = new_window ();
  stop_known_loops (window, "start screen", failures);

  check_idle (window, "start screen", failures);
  open_journey (window);
  check_idle (window, "journey", failures);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *what = g_strdup_printf ("page %s", pages[i].page);

      open_page (window, i);
      check_idle (window, what, failures);
    }
  if (failures->len > 0)
    g_test_fail_printf ("Not idle:%s", failures->str);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* ---- Accessible names ---------------------------------------------------------------- */

/* Offenders known when this test was written, in pages this test's branch could not
 * change: "page: Type@anchor" (anchor: the nearest row title or buildable id). Each is
 * to be fixed in the file named, and then taken off this list; any other fails. */
static const char *const known_unnamed[] = {
  NULL,
};

static gboolean
has_text_label (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_label_get_text (GTK_LABEL (c))[0] != '\0')
        return TRUE;
      if (has_text_label (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_titled_row (GtkWidget *widget)
{
  const char *title;

  if (!ADW_IS_PREFERENCES_ROW (widget))
    return FALSE;
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return title != NULL && title[0] != '\0';
}

/* What a screen reader reads as @widget's name: its own label, its tooltip, the words on
 * it, or (a row) its title. Not a labelled-by relation: GTK 4.8's
 * gtk_test_accessible_has_relation() says TRUE for a bare icon button, so it cannot tell
 * (no control of Ferry's is named by a relation alone). */
static gboolean
is_named (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         (tooltip != NULL && tooltip[0] != '\0') ||
         has_text_label (widget) ||
         is_titled_row (widget);
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || ADW_IS_ENTRY_ROW (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SPIN_BUTTON (widget) ||
         (GTK_IS_TEXT (widget) && !GTK_IS_EDITABLE (gtk_widget_get_parent (widget)));
}

/* Inside a control that is named for it (a GtkImage on a button), or part of a composite
 * control checked as a whole (a GtkMenuButton's toggle, an entry's text, a drop-down). */
static gboolean
is_covered (GtkWidget *widget)
{
  for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL; a = gtk_widget_get_parent (a))
    {
      if (GTK_IS_MENU_BUTTON (a) || GTK_IS_DROP_DOWN (a) || GTK_IS_SPIN_BUTTON (a) ||
          GTK_IS_ENTRY (a) || GTK_IS_PASSWORD_ENTRY (a))
        return TRUE;
      if (GTK_IS_IMAGE (widget) && (GTK_IS_BUTTON (a) || is_titled_row (a)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_meaningful_image (GtkWidget *widget)
{
  return GTK_IS_IMAGE (widget) &&
         gtk_image_get_storage_type (GTK_IMAGE (widget)) != GTK_IMAGE_EMPTY &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) !=
           GTK_ACCESSIBLE_ROLE_PRESENTATION &&
         !gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN);
}

/* "Type@where": where is the ids from the nearest of Ferry's widgets (or titled row) down to
 * @widget, "move_page/stack/loading_page". GtkBuilder's own names for objects without an
 * id ("___object_3___") are left out: they change with any edit. */
static char *
describe (GtkWidget *widget)
{
  g_autoptr(GString) where = g_string_new (NULL);

  for (GtkWidget *a = widget; a != NULL; a = gtk_widget_get_parent (a))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (a));
      gboolean ferry = g_str_has_prefix (G_OBJECT_TYPE_NAME (a), "Ferry");

      if (is_titled_row (a))
        id = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (a));
      else if (ferry && (id == NULL || g_str_has_prefix (id, "___")))
        id = G_OBJECT_TYPE_NAME (a);
      if (id != NULL && !g_str_has_prefix (id, "___"))
        {
          if (where->len > 0)
            g_string_prepend_c (where, '/');
          g_string_prepend (where, id);
        }
      if (ferry || is_titled_row (a))
        break;
    }
  if (where->len == 0)
    return g_strdup (G_OBJECT_TYPE_NAME (widget));
  return g_strdup_printf ("%s@%s", G_OBJECT_TYPE_NAME (widget), where->str);
}

static gboolean
is_known (const char *offender)
{
  return g_strv_contains ((const char *const *) known_unnamed, offender);
}

/* Appends "where: Type@anchor" for each unnamed control on show under @widget. */
static void
find_unnamed (GtkWidget  *widget,
              const char *where,
              GPtrArray  *offenders)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if ((is_control (widget) || is_meaningful_image (widget)) && !is_covered (widget) &&
      !is_named (widget))
    {
      g_autofree char *what = describe (widget);
      char *offender = g_strdup_printf ("%s: %s", where, what);

      if (!g_ptr_array_find_with_equal_func (offenders, offender, g_str_equal, NULL))
        g_ptr_array_add (offenders, offender);
      else
        g_free (offender);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    find_unnamed (c, where, offenders);
}

/* ---- Tab ----------------------------------------------------------------------------- */

/* What Tab must reach on show under @widget: every sensitive, focusable button, check,
 * switch and text field, and each list (its rows are one stop: arrows move between them). */
static void
find_tab_stops (GtkWidget *widget,
                GPtrArray *stops)
{
  /* can-focus off keeps focus out of a whole subtree on purpose (the window's controls) */
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget) ||
      !gtk_widget_get_can_focus (widget))
    return;
  if (GTK_IS_LIST_BOX (widget))
    {
      GtkWidget *c;

      for (c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        if (gtk_widget_get_mapped (c) && gtk_widget_is_sensitive (c) &&
            gtk_widget_get_focusable (c))
          break;
      if (c != NULL)
        g_ptr_array_add (stops, widget);
      return;
    }
  if ((GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
       GTK_IS_TEXT (widget)) && gtk_widget_get_focusable (widget))
    g_ptr_array_add (stops, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    find_tab_stops (c, stops);
}

/* Presses Tab as GtkWindow's move-focus does: forward, and round again at the end. */
static GtkWidget *
press_tab (GtkWidget *window)
{
  gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
  if (gtk_widget_get_focus_child (window) == NULL)
    gtk_window_set_focus (GTK_WINDOW (window), NULL);
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Tab from the top reaches every stop on show and comes round to the first again. */
static void
check_tab (GtkWindow  *window,
           const char *where,
           GString    *failures)
{
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GtkWidget *first = NULL;
  guint limit;
  guint n;

  find_tab_stops (root, stops);
  limit = stops->len * 3 + 10;
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (n = 0; n < limit; n++)
    {
      GtkWidget *focus = press_tab (root);

      if (focus == NULL)
        continue;
      if (first == NULL)
        first = focus;
      else if (focus == first)
        break;
      for (guint i = 0; i < stops->len; i++)
        {
          GtkWidget *stop = g_ptr_array_index (stops, i);

          if (focus == stop || gtk_widget_is_ancestor (focus, stop))
            g_hash_table_add (reached, stop);
        }
    }
  if (first != NULL && n < limit)
    g_hash_table_add (reached, first);
  g_test_message ("%s: %u tab stops, round in %u presses", where, stops->len, n);
  if (n == limit)
    g_string_append_printf (failures, "\n  %s: Tab does not come round in %u presses", where,
                            limit);
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      if (!g_hash_table_contains (reached, stop) &&
          !g_hash_table_contains (reached, gtk_widget_get_parent (stop)))
        {
          g_autofree char *what = describe (stop);

          g_string_append_printf (failures, "\n  %s: Tab never reaches %s", where, what);
        }
    }
}

/* Checks the names and Tab of what is on show, as @where. */
static void
check_shown (FerryWindow *window,
             const char  *where,
             GPtrArray   *offenders,
             GString     *tab_failures)
{
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 3);
  find_unnamed (GTK_WIDGET (window), where, offenders);
  check_tab (GTK_WINDOW (window), where, tab_failures);
}

/* The community journey: its start (no community yet), and a community's page with its
 * roster. */
static void
check_community (FerryWindow *window,
                 GPtrArray   *offenders,
                 GString     *tab)
{
  FerryCommunityStore *store = ferry_application_get_community_store (app);
  g_autoptr(FerryCommunity) community = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  FerryCommunityJourney *journey;
  GtkWidget *row;

  ferry_window_show_page (window, "start");
  row = ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_journey_row, NULL);
  g_assert_nonnull (row);
  row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (ferry_ui_shown_journey (window), ==, "community");
  check_shown (window, "community-start", offenders, tab);

  community = ferry_community_new ("Quality", "old.example", "new.example",
                                   g_get_real_time () / G_USEC_PER_SEC + 40 * 86400);
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (text, "member%u@old.example\n", i);
  ferry_community_import (community, text->str, -1, FERRY_MEMBER_SOURCE_PASTED, NULL);
  ferry_community_store_add (store, community);
  journey = ferry_window_get_community_journey (window);
  ferry_community_journey_show_list (journey);
  check_shown (window, "community-list", offenders, tab);
  ferry_community_journey_open (journey, community);
  check_shown (window, "community", offenders, tab);
  g_assert_true (ferry_community_store_remove (store, community, NULL));
}

/* Every control on show, on the start screen and each step's page, has a name a screen
 * reader can read, and Tab reaches it without being caught anywhere. */
static void
test_a11y (void)
{
  FerryWindow *window = new_window ();
  g_autoptr(GPtrArray) offenders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) unnamed = g_string_new (NULL);
  g_autoptr(GString) tab = g_string_new (NULL);

  check_shown (window, "start", offenders, tab);
  open_journey (window);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      open_page (window, i);
      check_shown (window, pages[i].page, offenders, tab);
    }
  check_community (window, offenders, tab);
  for (guint i = 0; i < offenders->len; i++)
    {
      const char *offender = g_ptr_array_index (offenders, i);

      if (is_known (offender))
        g_test_message ("known, still unnamed: %s", offender);
      else
        g_string_append_printf (unnamed, "\n  %s", offender);
    }
  for (guint i = 0; known_unnamed[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (offenders, known_unnamed[i], g_str_equal, NULL))
      g_string_append_printf (unnamed, "\n  %s is named now: take it off known_unnamed[]",
                              known_unnamed[i]);
  if (unnamed->len > 0 || tab->len > 0)
    g_test_fail_printf ("Without an accessible name:%s\nTab:%s", unnamed->str, tab->str);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The checks themselves see an unnamed control and an unnamed icon, and a named one. */
static void
test_a11y_checks (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autoptr(GPtrArray) offenders = g_ptr_array_new_with_free_func (g_free);

  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), list);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Row");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  ferry_ui_wait_for_frames (window, 3);

  find_unnamed (window, "check", offenders);
  g_assert_cmpuint (offenders->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (offenders, 0), ==, "check: GtkButton");
  g_assert_cmpstr (g_ptr_array_index (offenders, 1), ==, "check: GtkImage");
  g_ptr_array_set_size (offenders, 0);
  gtk_widget_set_tooltip_text (button, "Copy");
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  find_unnamed (window, "check", offenders);
  g_assert_cmpuint (offenders->len, ==, 0);

  /* Tab reaches both buttons and the list, and comes round. */
  {
    g_autoptr(GString) failures = g_string_new (NULL);
    GtkWidget *other = gtk_button_new_with_label ("Other");

    gtk_box_append (GTK_BOX (box), other);
    ferry_ui_wait_for_frames (window, 3);
    check_tab (GTK_WINDOW (window), "check", failures);
    g_assert_cmpstr (failures->str, ==, "");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("ferry-ui-quality-XXXXXX", NULL);
  int ret;

  if (!ferry_ui_test_init (&argc, &argv, data_home, "/ui-quality/no-display"))
    return g_test_run ();

  app = ferry_application_new ();
  {
    g_autoptr(FerrySecretStore) store = ferry_memory_store_new ();
    g_autoptr(GError) error = NULL;

    manager = ferry_account_manager_new (store, ferry_application_get_settings (app), NULL);
    ferry_application_set_account_manager (app, manager);
    g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
    if (!g_application_register (G_APPLICATION (app), NULL, &error))
      g_error ("Could not register the application: %s", error->message);
  }

  g_test_add_func ("/ui-quality/idle", test_idle);
  g_test_add_func ("/ui-quality/a11y-checks", test_a11y_checks);
  g_test_add_func ("/ui-quality/a11y", test_a11y);

  ret = g_test_run ();

  g_clear_object (&app);
  g_clear_object (&manager);
  ferry_test_remove_tree (data_home);
  return ret;
}
