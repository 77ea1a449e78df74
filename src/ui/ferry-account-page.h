/* ferry-account-page.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"

G_BEGIN_DECLS

#define FERRY_TYPE_ACCOUNT_PAGE (ferry_account_page_get_type ())

G_DECLARE_FINAL_TYPE (FerryAccountPage, ferry_account_page, FERRY, ACCOUNT_PAGE, AdwBin)

GtkWidget *ferry_account_page_new      (FerryRole            role);
void       ferry_account_page_set_manager (FerryAccountPage *self,
                                        FerryAccountManager *manager);

G_END_DECLS
