/* ferry-backup-category.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-job-part.h"

G_BEGIN_DECLS

#define FERRY_TYPE_BACKUP_CATEGORY (ferry_backup_category_get_type ())

/* One kind of thing a backup saves: a part of the backup job. Its API is FerryJobPart's; the
 * names below are kept for the code that knows it as a category. */
G_DECLARE_FINAL_TYPE (FerryBackupCategory, ferry_backup_category, FERRY, BACKUP_CATEGORY,
                      FerryJobPart)

FerryBackupCategory *ferry_backup_category_new (const char *id,
                                                const char *title);

#define ferry_backup_category_get_id(c)           ferry_job_part_get_id (FERRY_JOB_PART (c))
#define ferry_backup_category_get_title(c)        ferry_job_part_get_title (FERRY_JOB_PART (c))
#define ferry_backup_category_get_state(c)        ferry_job_part_get_state (FERRY_JOB_PART (c))
#define ferry_backup_category_get_done(c)         ferry_job_part_get_done (FERRY_JOB_PART (c))
#define ferry_backup_category_get_total(c)        ferry_job_part_get_total (FERRY_JOB_PART (c))
#define ferry_backup_category_get_detail(c)       ferry_job_part_get_detail (FERRY_JOB_PART (c))
#define ferry_backup_category_get_rate(c)         ferry_job_part_get_rate (FERRY_JOB_PART (c))
#define ferry_backup_category_get_seconds_left(c) \
  ferry_job_part_get_seconds_left (FERRY_JOB_PART (c))
#define ferry_backup_category_set_state(c, s, d)  \
  ferry_job_part_set_state (FERRY_JOB_PART (c), (s), (d))
#define ferry_backup_category_set_total(c, n)     ferry_job_part_set_total (FERRY_JOB_PART (c), (n))
#define ferry_backup_category_set_done(c, n)      ferry_job_part_set_done (FERRY_JOB_PART (c), (n))

G_END_DECLS
