/* ferry-state-icon.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-step.h"

G_BEGIN_DECLS

#define FERRY_TYPE_STATE_ICON (ferry_state_icon_get_type ())

G_DECLARE_FINAL_TYPE (FerryStateIcon, ferry_state_icon, FERRY, STATE_ICON, AdwBin)

GtkWidget      *ferry_state_icon_new       (void);
void            ferry_state_icon_set_state (FerryStateIcon *self,
                                            FerryStepState  state);
FerryStepState  ferry_state_icon_get_state (FerryStateIcon *self);
const char     *ferry_state_icon_get_label (FerryStateIcon *self);
const char     *ferry_state_icon_describe  (FerryStepState  state);

G_END_DECLS
