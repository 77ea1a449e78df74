/* ferry-ui-journey.h: the window's journeys as a person sees them, for the UI tests
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-application.h"
#include "ferry-window.h"

G_BEGIN_DECLS

/* The individual journey's steps in the sidebar. */
#define FERRY_UI_N_STEPS 7

/* What the window shows */
const char *ferry_ui_shown_journey     (FerryWindow   *window);
const char *ferry_ui_shown_page        (FerryWindow   *window);
const char *ferry_ui_step_title        (guint          i);
GtkWidget  *ferry_ui_step_row          (FerryWindow   *window,
                                        const char    *title);
const char *ferry_ui_step_state        (FerryWindow   *window,
                                        const char    *title);
void        ferry_ui_assert_steps      (FerryWindow   *window,
                                        const char    *expected[FERRY_UI_N_STEPS]);

/* What a person does */
FerryWindow *ferry_ui_new_window       (FerryApplication *app);
void        ferry_ui_open_step         (FerryWindow   *window,
                                        const char    *title,
                                        const char    *page);
void        ferry_ui_photograph_narrow (FerryWindow   *window,
                                        const char    *name);
void        ferry_ui_photograph_dark   (FerryWindow   *window,
                                        const char    *name);

/* For ferry_ui_find_widget() */
gboolean    ferry_ui_is_stack_with     (GtkWidget     *widget,
                                        gconstpointer  child);
gboolean    ferry_ui_is_sidebar        (GtkWidget     *widget,
                                        gconstpointer  data);
gboolean    ferry_ui_is_button_named   (GtkWidget     *widget,
                                        gconstpointer  name);
gboolean    ferry_ui_is_journey_row    (GtkWidget     *widget,
                                        gconstpointer  data);
gboolean    ferry_ui_is_mapped_overlay (GtkWidget     *widget,
                                        gconstpointer  data);
gboolean    ferry_ui_is_shown_title    (GtkWidget     *widget,
                                        gconstpointer  title);

G_END_DECLS
