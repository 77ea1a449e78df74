/* test-ui-dialogs.h: the UI tests of the sign-in dialog, the CA dialog and the chart
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fedisim.h"
#include "ferry-application.h"

G_BEGIN_DECLS

void ferry_ui_add_dialog_tests (FerryApplication    *app,
                                FedisimWorld        *world,
                                FerryAccountManager *manager);

G_END_DECLS
