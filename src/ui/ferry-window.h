/* ferry-window.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-application.h"
#include "ferry-community-journey.h"

G_BEGIN_DECLS

#define FERRY_TYPE_WINDOW (ferry_window_get_type ())

G_DECLARE_FINAL_TYPE (FerryWindow, ferry_window, FERRY, WINDOW, AdwApplicationWindow)

FerryWindow *ferry_window_new          (FerryApplication *application);
void         ferry_window_show_message (FerryWindow      *self,
                                        const char       *message);
void         ferry_window_show_page    (FerryWindow      *self,
                                        const char       *name);
FerryCommunityJourney *ferry_window_get_community_journey (FerryWindow *self);
GtkWidget   *ferry_window_get_account_page (FerryWindow  *self,
                                        FerryRole         role);

G_END_DECLS
