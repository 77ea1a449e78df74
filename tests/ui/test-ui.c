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

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ferry-application.h"
#include "ferry-window.h"

/* Every widget class that has a template. A template in the resources whose class is not
 * here fails /ui/templates, so a new page cannot go untested. */
static GType
ensure_template_types (void)
{
  g_type_ensure (FERRY_TYPE_WINDOW);
  return FERRY_TYPE_WINDOW;
}

static FerryApplication *app;

static void
wait_for_frames (GtkWidget *widget,
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
static void
take_screenshot (GtkWidget  *widget,
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

  wait_for_frames (widget, 3);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
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

static GtkWindow *
find_window_of_type (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

static void
test_templates (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ui_files = NULL;
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
  FerryWindow *window = ferry_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_welcome (void)
{
  FerryWindow *window = new_window ();
  const char *language = g_getenv ("LANGUAGE");

  /* The German pass must really show German: the catalogue is found and used. */
  if (language != NULL && g_str_has_prefix (language, "de"))
    g_assert_cmpstr (_("Move Your Account to a New Server"), !=,
                     "Move Your Account to a New Server");

  take_screenshot (GTK_WIDGET (window), "welcome");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  take_screenshot (GTK_WIDGET (window), "welcome-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  take_screenshot (GTK_WIDGET (window), "welcome-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_about (void)
{
  FerryWindow *window = new_window ();
  GtkWindow *about;

  wait_for_frames (GTK_WIDGET (window), 1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_window_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  take_screenshot (GTK_WIDGET (about), "about");

  gtk_window_destroy (about);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts (void)
{
  FerryWindow *window = new_window ();
  GtkWindow *shortcuts;

  wait_for_frames (GTK_WIDGET (window), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_window_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  take_screenshot (GTK_WIDGET (shortcuts), "shortcuts");

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
  wait_for_frames (GTK_WIDGET (window), 1);
  gtk_window_set_default_size (GTK_WINDOW (window), 812, 604);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 604);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
test_no_display (void)
{
  g_test_skip ("No display: run under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, FERRY_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();

  app = ferry_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  g_test_add_func ("/ui/templates", test_templates);
  g_test_add_func ("/ui/accels", test_accels);
  g_test_add_func ("/ui/welcome", test_welcome);
  g_test_add_func ("/ui/about", test_about);
  g_test_add_func ("/ui/shortcuts", test_shortcuts);
  g_test_add_func ("/ui/window-state-saved", test_window_state_saved);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
