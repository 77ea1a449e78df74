/* ferry-backup-category.c: one kind of thing a backup saves, and how far it is
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A FerryJobPart: its state, counts, rate and time left are the part's.
 */

#define G_LOG_DOMAIN "ferry-backup-category"

#include "config.h"

#include "ferry-backup-category.h"

struct _FerryBackupCategory
{
  FerryJobPart parent_instance;
};

G_DEFINE_FINAL_TYPE (FerryBackupCategory, ferry_backup_category, FERRY_TYPE_JOB_PART)

static void
ferry_backup_category_class_init (FerryBackupCategoryClass *klass)
{
}

static void
ferry_backup_category_init (FerryBackupCategory *self)
{
}

FerryBackupCategory *
ferry_backup_category_new (const char *id,
                           const char *title)
{
  return g_object_new (FERRY_TYPE_BACKUP_CATEGORY, "id", id, "title", title, NULL);
}
