/* ferry-backup-category.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-step.h"

G_BEGIN_DECLS

#define FERRY_TYPE_BACKUP_CATEGORY (ferry_backup_category_get_type ())

G_DECLARE_FINAL_TYPE (FerryBackupCategory, ferry_backup_category, FERRY, BACKUP_CATEGORY, GObject)

FerryBackupCategory *ferry_backup_category_new        (const char          *id,
                                                       const char          *title);
const char          *ferry_backup_category_get_id     (FerryBackupCategory *self);
const char          *ferry_backup_category_get_title  (FerryBackupCategory *self);
FerryStepState       ferry_backup_category_get_state  (FerryBackupCategory *self);
gint64               ferry_backup_category_get_done   (FerryBackupCategory *self);
gint64               ferry_backup_category_get_total  (FerryBackupCategory *self);
const char          *ferry_backup_category_get_detail (FerryBackupCategory *self);
double               ferry_backup_category_get_rate   (FerryBackupCategory *self);
gint64               ferry_backup_category_get_seconds_left (FerryBackupCategory *self);

/* For the job that fills it. */
void                 ferry_backup_category_set_state  (FerryBackupCategory *self,
                                                       FerryStepState       state,
                                                       const char          *detail);
void                 ferry_backup_category_set_total  (FerryBackupCategory *self,
                                                       gint64               total);
void                 ferry_backup_category_set_done   (FerryBackupCategory *self,
                                                       gint64               done);

G_END_DECLS
