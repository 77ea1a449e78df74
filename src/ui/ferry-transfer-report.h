/* ferry-transfer-report.h: the Transfer step's last page: what arrived, or why it ended
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-transfer.h"

G_BEGIN_DECLS

#define FERRY_TYPE_TRANSFER_REPORT (ferry_transfer_report_get_type ())

G_DECLARE_FINAL_TYPE (FerryTransferReport, ferry_transfer_report, FERRY, TRANSFER_REPORT, AdwBin)

void ferry_transfer_report_show_result (FerryTransferReport *self,
                                        FerryTransfer       *transfer);
void ferry_transfer_report_show_ended  (FerryTransferReport *self,
                                        const char          *title,
                                        const char          *description);
void ferry_transfer_report_set_words   (FerryTransferReport *self,
                                        const char          *icon_name,
                                        const char          *title,
                                        const char          *description);

G_END_DECLS
