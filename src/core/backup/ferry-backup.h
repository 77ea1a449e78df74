/* ferry-backup.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ferry-account.h"
#include "ferry-client.h"
#include "ferry-job.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_BACKUP_DEFAULT  = 0,
  FERRY_BACKUP_NO_POSTS = 1 << 0,   /* neither posts nor their media */
  FERRY_BACKUP_NO_MEDIA = 1 << 1,   /* posts, but not their media files */
} FerryBackupFlags;

/**
 * FerryBackupEstimate:
 * @requests: API requests the backup will make
 * @seconds: how long it will take, the server's limits included
 * @bytes: roughly how much it will take on disk
 */
typedef struct
{
  guint   requests;
  gint64  seconds;
  guint64 bytes;
} FerryBackupEstimate;

#define FERRY_TYPE_BACKUP (ferry_backup_get_type ())

/* A FerryJob: run, pause, cancel and observe it as one (ferry_job_run_async(), …). */
G_DECLARE_FINAL_TYPE (FerryBackup, ferry_backup, FERRY, BACKUP, FerryJob)

FerryBackup  *ferry_backup_new              (FerryClient          *client,
                                             GFile                *dir,
                                             FerryBackupFlags      flags);
GFile        *ferry_backup_get_dir          (FerryBackup          *self);
GListModel   *ferry_backup_get_categories   (FerryBackup          *self);
FerryAccount *ferry_backup_get_account      (FerryBackup          *self);
gboolean      ferry_backup_get_resumed      (FerryBackup          *self);
guint64       ferry_backup_get_bytes        (FerryBackup          *self);

char         *ferry_backup_suggest_name     (const char           *handle,
                                             GDateTime            *when);
void          ferry_backup_estimate         (gint64                following,
                                             gint64                followers,
                                             gint64                statuses,
                                             gint64                others,
                                             gboolean              paging_throttle,
                                             FerryBackupFlags      flags,
                                             FerryBackupEstimate  *estimate);

G_END_DECLS
