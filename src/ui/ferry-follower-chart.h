/* ferry-follower-chart.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FERRY_TYPE_FOLLOWER_CHART (ferry_follower_chart_get_type ())

G_DECLARE_FINAL_TYPE (FerryFollowerChart, ferry_follower_chart, FERRY, FOLLOWER_CHART, GtkWidget)

GtkWidget *ferry_follower_chart_new         (void);
void       ferry_follower_chart_set_samples (FerryFollowerChart *self,
                                             GArray             *samples,
                                             gint64              moved_at);

G_END_DECLS
