/* ferry-ui-journey.c: the window's journeys as a person sees them, for the UI tests
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is found as a person finds it: by what it shows (a row's title, a button's
 * tooltip, a stack's pages), and used as a person uses it (rows activated, buttons clicked).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ferry-ui-journey.h"
#include "ferry-ui-test-util.h"

/* The window's parts a person sees and uses, found as a person would: by what they show. */

gboolean
ferry_ui_is_stack_with (GtkWidget     *widget,
                        gconstpointer  child)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), child) != NULL;
}

/* The main stack's visible child: "start", or a journey ("individual"). */
const char *
ferry_ui_shown_journey (FerryWindow *window)
{
  GtkWidget *stack = ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_stack_with, "start");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* The step's page on show: "accounts", "backup", … "done". */
const char *
ferry_ui_shown_page (FerryWindow *window)
{
  GtkWidget *stack = ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_stack_with, "accounts");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

gboolean
ferry_ui_is_sidebar (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

/* The sidebar's row of the step titled @title. */
GtkWidget *
ferry_ui_step_row (FerryWindow *window,
                   const char  *title)
{
  GtkWidget *sidebar = ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_sidebar, NULL);
  GtkWidget *row = ferry_ui_find_row (sidebar, title);

  g_assert_nonnull (row);
  return row;
}

/* The words under the step's name in the sidebar: its state. */
const char *
ferry_ui_step_state (FerryWindow *window,
                     const char  *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (ferry_ui_step_row (window, title)));
}

/* Opens a step from the sidebar, as a click on its row does. */
void
ferry_ui_open_step (FerryWindow *window,
                    const char  *title,
                    const char  *page)
{
  GtkWidget *row = ferry_ui_step_row (window, title);

  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, page);
}

static AdwLeaflet *
leaflet_of (FerryWindow *window)
{
  return ADW_LEAFLET (ferry_ui_find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
}

/* An icon button, by its tooltip (the same words as its accessible name). */
gboolean
ferry_ui_is_button_named (GtkWidget     *widget,
                          gconstpointer  name)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), name) == 0;
}

/* The sidebar's steps by their English names' translations, in order. */
const char *
ferry_ui_step_title (guint i)
{
  const char *titles[FERRY_UI_N_STEPS] = {
    N_("Accounts"), N_("Checks"), N_("Backup"), N_("Transfer"), N_("Alias and Move"),
    N_("Followers"), N_("Summary"),
  };

  return _(titles[i]);
}

typedef struct
{
  FerryWindow  *window;
  const char  **expected;
} StepsWait;

static gboolean
steps_are (gpointer data)
{
  StepsWait *wait = data;

  for (guint i = 0; i < FERRY_UI_N_STEPS; i++)
    if (wait->expected[i] != NULL &&
        g_strcmp0 (ferry_ui_step_state (wait->window, ferry_ui_step_title (i)),
                   _(wait->expected[i])) != 0)
      return FALSE;
  return TRUE;
}

/* Each step's state as the sidebar says it, compared with @expected (translated here);
 * NULL: not checked. The sidebar follows the plan on idle: the states are waited for (up to
 * 30 s, for a sanitizer's build on a loaded machine), then asserted. */
void
ferry_ui_assert_steps (FerryWindow *window,
                       const char  *expected[FERRY_UI_N_STEPS])
{
  StepsWait wait = { window, expected };

  ferry_ui_spin (30000, steps_are, &wait);
  for (guint i = 0; i < FERRY_UI_N_STEPS; i++)
    {
      GtkListBoxRow *row;

      if (expected[i] == NULL)
        continue;
      g_assert_cmpstr (ferry_ui_step_state (window, ferry_ui_step_title (i)), ==, _(expected[i]));
      /* A locked step (its words a reason) cannot be opened. */
      row = GTK_LIST_BOX_ROW (ferry_ui_step_row (window, ferry_ui_step_title (i)));
      if (g_str_has_suffix (expected[i], " first") || g_str_has_prefix (expected[i], "Opens "))
        g_assert_false (gtk_list_box_row_get_activatable (row));
      else
        g_assert_true (gtk_list_box_row_get_activatable (row));
    }
}

/* The window at 360 px: one column. The step's page is on show with a back button, which
 * leads to the steps; photographed both ways (@name, and @name-steps). */
void
ferry_ui_photograph_narrow (FerryWindow *window,
                            const char  *name)
{
  AdwLeaflet *leaflet = leaflet_of (window);
  g_autofree char *steps_name = g_strconcat (name, "-steps", NULL);
  const char *page = ferry_ui_shown_page (window);
  GtkWidget *back;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 10);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  ferry_ui_take_screenshot (GTK_WIDGET (window), name);
  back = ferry_ui_find_widget (GTK_WIDGET (window), ferry_ui_is_button_named, _("All Steps"));
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_visible (back));
  g_signal_emit_by_name (back, "clicked");
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 30);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  ferry_ui_take_screenshot (GTK_WIDGET (window), steps_name);
  /* Back to the page through its row, and wide again: both columns. */
  for (guint i = 0; i < FERRY_UI_N_STEPS; i++)
    {
      GtkWidget *row = ferry_ui_step_row (window, ferry_ui_step_title (i));

      if (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)))
        g_signal_emit_by_name (row, "activate");
    }
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_cmpstr (ferry_ui_shown_page (window), ==, page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ferry_ui_wait_for_frames (GTK_WIDGET (window), 10);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (back));
}

void
ferry_ui_photograph_dark (FerryWindow *window,
                          const char  *name)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  ferry_ui_take_screenshot (GTK_WIDGET (window), name);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

gboolean
ferry_ui_is_journey_row (GtkWidget     *widget,
                         gconstpointer  data)
{
  GtkWidget *list = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX);

  return ADW_IS_ACTION_ROW (widget) && list != NULL && gtk_widget_has_css_class (list, "journeys");
}

gboolean
ferry_ui_is_mapped_overlay (GtkWidget     *widget,
                            gconstpointer  data)
{
  return ADW_IS_TOAST_OVERLAY (widget) && gtk_widget_get_mapped (widget);
}

/* The header's title @title, on show. */
gboolean
ferry_ui_is_shown_title (GtkWidget     *widget,
                         gconstpointer  title)
{
  return ADW_IS_WINDOW_TITLE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), title) == 0;
}

/* A window of @app as a person opens it: large enough for every page, and on show. */
FerryWindow *
ferry_ui_new_window (FerryApplication *app)
{
  FerryWindow *window = ferry_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
