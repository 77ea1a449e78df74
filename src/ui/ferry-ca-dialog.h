/* ferry-ca-dialog.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FERRY_TYPE_CA_DIALOG (ferry_ca_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FerryCaDialog, ferry_ca_dialog, FERRY, CA_DIALOG, AdwWindow)

GtkWidget *ferry_ca_dialog_new (GSettings *settings);

G_END_DECLS
