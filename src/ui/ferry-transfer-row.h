/* ferry-transfer-row.h: one part of a transfer under way, as a row of the Transfer page
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-backup-category.h"
#include "ferry-job.h"

G_BEGIN_DECLS

#define FERRY_TYPE_TRANSFER_ROW (ferry_transfer_row_get_type ())

G_DECLARE_FINAL_TYPE (FerryTransferRow, ferry_transfer_row, FERRY, TRANSFER_ROW, AdwActionRow)

GtkWidget *ferry_transfer_row_new     (FerryBackupCategory *category,
                                       FerryJob            *job,
                                       gint64               planned);
FerryJob  *ferry_transfer_row_get_job (FerryTransferRow    *self);
void       ferry_transfer_row_update  (FerryTransferRow    *self);

G_END_DECLS
