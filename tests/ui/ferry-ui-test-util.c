/* ferry-ui-test-util.c: what the UI tests need to drive and photograph the window
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Screenshots go to $FERRY_SCREENSHOT_DIR, named after the page, with
 * $FERRY_SCREENSHOT_SUFFIX appended (the German run uses "-de").
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ferry-ui-test-util.h"

/* Waits until @widget is on screen and has drawn @n_frames more frames. */
void
ferry_ui_wait_for_frames (GtkWidget *widget,
                          guint      n_frames)
{
  GdkFrameClock *clock;
  gint64 start;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  start = gdk_frame_clock_get_frame_counter (clock);
  while (gdk_frame_clock_get_frame_counter (clock) < start + n_frames &&
         g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
}

static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, data, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      guint32 pixel;

      memcpy (&pixel, data + i * 4, 4);
      g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      if (g_hash_table_size (colours) > 64)
        break;
    }

  return g_hash_table_size (colours);
}

/* Renders the window as it is on screen and saves it as PNG. */
void
ferry_ui_take_screenshot (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  const char *dir = g_getenv ("FERRY_SCREENSHOT_DIR");
  const char *suffix = g_getenv ("FERRY_SCREENSHOT_SUFFIX");
  int width, height;

  ferry_ui_wait_for_frames (widget, 3);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  /* A window that has just been shown may not have drawn yet: give it a few more frames. */
  for (guint attempt = 0; node == NULL && attempt < 10; attempt++)
    {
      if (attempt > 0)
        ferry_ui_wait_for_frames (widget, 2);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  /* A blank or single-colour picture means nothing was drawn. */
  g_assert_cmpuint (count_colours (texture), >, 8);

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  file_name = g_strdup_printf ("%s%s.png", name, suffix ? suffix : "");
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Returns: (transfer none) (nullable): the first widget under @root, @root
 * included, for which @match says yes */
GtkWidget *
ferry_ui_find_widget (GtkWidget     *root,
                      FerryUiMatch   match,
                      gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ferry_ui_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
ferry_ui_find_widget_of_type (GtkWidget *root,
                              GType      type)
{
  return ferry_ui_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

GtkWindow *
ferry_ui_find_window_of_type (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Returns: (transfer none) (nullable): the first row under @root titled @title */
GtkWidget *
ferry_ui_find_row (GtkWidget  *root,
                   const char *title)
{
  return ferry_ui_find_widget (root, is_titled, title);
}

static gboolean
is_caption (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "caption");
}

/* Returns: the words of @row's caption label ("" when hidden or absent) */
const char *
ferry_ui_row_caption (GtkWidget *row)
{
  GtkWidget *caption = ferry_ui_find_widget (row, is_caption, NULL);

  if (caption == NULL || !gtk_widget_get_visible (caption))
    return "";
  return gtk_label_get_label (GTK_LABEL (caption));
}

/* Scrolls @page's scrolled window to its end, for a screenshot of what is below. */
void
ferry_ui_scroll_to_end (GtkWidget *page)
{
  GtkWidget *scrolled = ferry_ui_find_widget_of_type (page, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  ferry_ui_wait_for_frames (scrolled, 3);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
}

/* Runs the main loop for @ms, or until @done says so. */
void
ferry_ui_spin (guint       ms,
               gboolean  (*done) (gpointer data),
               gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < deadline && (done == NULL || !done (data)))
    g_main_context_iteration (NULL, FALSE);
}

/* For ferry_ui_find_widget(): a button that activates @action ("page.start"). */
gboolean
ferry_ui_is_button_with_action (GtkWidget     *widget,
                                gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
no_display (void)
{
  g_test_skip ("No display: run under xvfb-run");
}

/**
 * ferry_ui_test_init:
 * @data_home: the run's own folder for what Ferry keeps
 * @no_display_path: the test that says so when there is no display
 *
 * What every UI test program does first: its own XDG_DATA_HOME, no browser, the C locale with
 * Ferry's catalogue (LANGUAGE picks the translation), GTK and libadwaita, and no animations
 * (pictures of the window as it stands, not halfway through a transition).
 *
 * Returns: whether there is a display; without one, only @no_display_path is added
 */
gboolean
ferry_ui_test_init (int         *argc,
                    char      ***argv,
                    const char  *data_home,
                    const char  *no_display_path)
{
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("FERRY_NO_BROWSER", "1", TRUE);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, FERRY_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func (no_display_path, no_display);
      return FALSE;
    }
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return TRUE;
}
