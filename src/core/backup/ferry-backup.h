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

G_DECLARE_FINAL_TYPE (FerryBackup, ferry_backup, FERRY, BACKUP, GObject)

FerryBackup  *ferry_backup_new              (FerryClient          *client,
                                             GFile                *dir,
                                             FerryBackupFlags      flags);
GFile        *ferry_backup_get_dir          (FerryBackup          *self);
GListModel   *ferry_backup_get_categories   (FerryBackup          *self);
FerryAccount *ferry_backup_get_account      (FerryBackup          *self);
gboolean      ferry_backup_get_paused       (FerryBackup          *self);
void          ferry_backup_set_paused       (FerryBackup          *self,
                                             gboolean              paused);
double        ferry_backup_get_fraction     (FerryBackup          *self);
gboolean      ferry_backup_get_resumed      (FerryBackup          *self);
guint64       ferry_backup_get_bytes        (FerryBackup          *self);
void          ferry_backup_run_async        (FerryBackup          *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean      ferry_backup_run_finish       (FerryBackup          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

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
