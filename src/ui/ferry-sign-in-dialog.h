/* ferry-sign-in-dialog.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"
#include "ferry-sign-in.h"

G_BEGIN_DECLS

#define FERRY_TYPE_SIGN_IN_DIALOG (ferry_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FerrySignInDialog, ferry_sign_in_dialog, FERRY, SIGN_IN_DIALOG, AdwWindow)

GtkWidget *ferry_sign_in_dialog_new        (FerryAccountManager *manager,
                                            FerryRole            role);
void       ferry_sign_in_dialog_set_server (FerrySignInDialog   *self,
                                            const char          *server);
void       ferry_sign_in_dialog_set_extra_access (FerrySignInDialog *self,
                                                  FerryOAuthAccess   extra);

G_END_DECLS
