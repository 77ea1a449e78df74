/* ferry-transfer-page.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"
#include "ferry-job-manager.h"
#include "ferry-transfer.h"

G_BEGIN_DECLS

#define FERRY_TYPE_TRANSFER_PAGE (ferry_transfer_page_get_type ())

G_DECLARE_FINAL_TYPE (FerryTransferPage, ferry_transfer_page, FERRY, TRANSFER_PAGE, AdwBin)

void           ferry_transfer_page_set_manager  (FerryTransferPage   *self,
                                                 FerryAccountManager *manager);
void           ferry_transfer_page_set_job_manager (FerryTransferPage *self,
                                                    FerryJobManager   *jobs);
FerryTransfer *ferry_transfer_page_get_transfer (FerryTransferPage   *self);

G_END_DECLS
