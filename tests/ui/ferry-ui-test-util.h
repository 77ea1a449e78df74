/* ferry-ui-test-util.h: what the UI tests need to drive and photograph the window
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*FerryUiMatch) (GtkWidget     *widget,
                                  gconstpointer  data);


void        ferry_ui_wait_for_frames      (GtkWidget  *widget,
                                           guint       n_frames);
void        ferry_ui_take_screenshot      (GtkWidget  *widget,
                                           const char *name);
GtkWidget  *ferry_ui_find_widget          (GtkWidget     *root,
                                           FerryUiMatch   match,
                                           gconstpointer  data);
GtkWidget  *ferry_ui_find_widget_of_type  (GtkWidget  *root,
                                           GType       type);
GtkWindow  *ferry_ui_find_window_of_type  (GType       type);
GtkWidget  *ferry_ui_find_row             (GtkWidget  *root,
                                           const char *title);
const char *ferry_ui_row_caption          (GtkWidget  *row);
void        ferry_ui_scroll_to_end        (GtkWidget  *page);
void        ferry_ui_spin                 (guint       ms,
                                           gboolean  (*done) (gpointer data),
                                           gpointer    data);
gboolean    ferry_ui_is_button_with_action (GtkWidget     *widget,
                                            gconstpointer  action);

gboolean    ferry_ui_test_init            (int         *argc,
                                           char      ***argv,
                                           const char  *data_home,
                                           const char  *no_display_path);

G_END_DECLS
