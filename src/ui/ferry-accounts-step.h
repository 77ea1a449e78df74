/* ferry-accounts-step.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"

G_BEGIN_DECLS

#define FERRY_TYPE_ACCOUNTS_STEP (ferry_accounts_step_get_type ())

G_DECLARE_FINAL_TYPE (FerryAccountsStep, ferry_accounts_step, FERRY, ACCOUNTS_STEP, GtkWidget)

GtkWidget *ferry_accounts_step_get_page    (FerryAccountsStep   *self,
                                            FerryRole            role);
void       ferry_accounts_step_set_manager (FerryAccountsStep   *self,
                                            FerryAccountManager *manager);

G_END_DECLS
