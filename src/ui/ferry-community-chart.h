/* ferry-community-chart.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FERRY_TYPE_COMMUNITY_CHART (ferry_community_chart_get_type ())

G_DECLARE_FINAL_TYPE (FerryCommunityChart, ferry_community_chart, FERRY, COMMUNITY_CHART,
                      GtkWidget)

/* The groups of states the chart stacks, bottom first. */
#define FERRY_COMMUNITY_CHART_N_GROUPS 6

GtkWidget  *ferry_community_chart_new           (void);
/* snapshots: FerryCommunitySnapshot, copied; NULL or empty: nothing drawn. */
void        ferry_community_chart_set_snapshots (FerryCommunityChart *self,
                                                 GArray              *snapshots);
/* What the last snapshot shows in words (the accessible description), or NULL. */
const char *ferry_community_chart_get_description (FerryCommunityChart *self);

G_END_DECLS
