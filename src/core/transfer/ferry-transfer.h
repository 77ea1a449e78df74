/* ferry-transfer.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ferry-client.h"
#include "ferry-import-file.h"
#include "ferry-job.h"

G_BEGIN_DECLS

/**
 * FerryTransferMethod:
 * @FERRY_TRANSFER_METHOD_AUTO: the import API where the server has one, else the API
 * @FERRY_TRANSFER_METHOD_API: one API call per item (on Mastodon at most 400 follows a day)
 * @FERRY_TRANSFER_METHOD_CSV: Mastodon's own CSV import in the browser, then the API for the rest
 */
typedef enum
{
  FERRY_TRANSFER_METHOD_AUTO,
  FERRY_TRANSFER_METHOD_API,
  FERRY_TRANSFER_METHOD_CSV,
} FerryTransferMethod;

#define FERRY_TYPE_TRANSFER (ferry_transfer_get_type ())

/* A FerryJob: run, pause, cancel and observe it as one (ferry_job_run_async(), …). Its parts
 * are its categories (FerryBackupCategory); its status says what the run waits for (the
 * server's import, other servers' Accepts), and while it waits it is in the waiting state. */
G_DECLARE_FINAL_TYPE (FerryTransfer, ferry_transfer, FERRY, TRANSFER, FerryJob)

FerryTransfer *ferry_transfer_new               (FerryClient          *client,
                                                 GFile                *backup_dir);
GFile         *ferry_transfer_get_backup_dir    (FerryTransfer        *self);
void           ferry_transfer_set_only          (FerryTransfer        *self,
                                                 const char * const   *categories);
void           ferry_transfer_set_method        (FerryTransfer        *self,
                                                 FerryTransferMethod   method);
FerryTransferMethod ferry_transfer_get_method   (FerryTransfer        *self);
void           ferry_transfer_set_wait_for_days (FerryTransfer        *self,
                                                 gboolean              wait);
GListModel    *ferry_transfer_get_categories    (FerryTransfer        *self);
gint64         ferry_transfer_get_next_batch    (FerryTransfer        *self);
guint          ferry_transfer_get_follows_per_day (FerryTransfer      *self);
const char    *ferry_transfer_get_import_url    (FerryTransfer        *self);
guint          ferry_transfer_get_n_awaiting_accept (FerryTransfer    *self);
GStrv          ferry_transfer_get_warnings      (FerryTransfer        *self);
gint64         ferry_transfer_estimate_seconds  (FerryTransfer        *self,
                                                 FerryTransferMethod   method);
char          *ferry_transfer_describe_plan     (FerryTransfer        *self);

void           ferry_transfer_prepare_async     (FerryTransfer        *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       ferry_transfer_prepare_finish    (FerryTransfer        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           ferry_transfer_write_imports_async (FerryTransfer      *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GListModel    *ferry_transfer_write_imports_finish (FerryTransfer     *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           ferry_transfer_verify_async      (FerryTransfer        *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       ferry_transfer_verify_finish     (FerryTransfer        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
const char    *ferry_transfer_import_type_title (const char           *type);
const char    *ferry_transfer_get_import_type_title (FerryTransfer    *self,
                                                 const char           *type);
char          *ferry_transfer_describe_import_page (FerryTransfer     *self);
gboolean       ferry_transfer_check_categories  (const char * const   *categories,
                                                 GError              **error);
char          *ferry_transfer_get_report_json   (FerryTransfer        *self);
GStrv          ferry_transfer_get_missing       (FerryTransfer        *self,
                                                 const char           *category);
guint          ferry_transfer_get_n_missing     (FerryTransfer        *self);
guint          ferry_transfer_get_n_retryable   (FerryTransfer        *self);
gboolean       ferry_transfer_export_missing    (FerryTransfer        *self,
                                                 const char           *path,
                                                 GError              **error);

G_END_DECLS
