/* ferry-backup-page.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"
#include "ferry-job-manager.h"
#include "ferry-backup.h"

G_BEGIN_DECLS

#define FERRY_TYPE_BACKUP_PAGE (ferry_backup_page_get_type ())

G_DECLARE_FINAL_TYPE (FerryBackupPage, ferry_backup_page, FERRY, BACKUP_PAGE, AdwBin)

void         ferry_backup_page_set_manager (FerryBackupPage     *self,
                                            FerryAccountManager *manager);
void         ferry_backup_page_set_job_manager (FerryBackupPage *self,
                                                FerryJobManager *jobs);
void         ferry_backup_page_set_folder  (FerryBackupPage     *self,
                                            GFile               *folder);
FerryBackup *ferry_backup_page_get_backup  (FerryBackupPage     *self);

G_END_DECLS
