/* ferry-application.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"
#include "ferry-community-store.h"
#include "ferry-job-manager.h"

G_BEGIN_DECLS

#define FERRY_TYPE_APPLICATION (ferry_application_get_type ())

G_DECLARE_FINAL_TYPE (FerryApplication, ferry_application, FERRY, APPLICATION, AdwApplication)

FerryApplication *ferry_application_new          (void);
GSettings           *ferry_application_get_settings        (FerryApplication *self);
FerryAccountManager *ferry_application_get_account_manager (FerryApplication *self);
FerryJobManager     *ferry_application_get_job_manager     (FerryApplication *self);
FerryCommunityStore *ferry_application_get_community_store (FerryApplication *self);
void                 ferry_application_set_account_manager (FerryApplication    *self,
                                                            FerryAccountManager *manager);

G_END_DECLS
