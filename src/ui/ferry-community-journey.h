/* ferry-community-journey.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"
#include "ferry-community-page.h"
#include "ferry-community-store.h"
#include "ferry-job-manager.h"

G_BEGIN_DECLS

#define FERRY_TYPE_COMMUNITY_JOURNEY (ferry_community_journey_get_type ())

G_DECLARE_FINAL_TYPE (FerryCommunityJourney, ferry_community_journey, FERRY, COMMUNITY_JOURNEY,
                      AdwBin)

void                ferry_community_journey_set_managers (FerryCommunityJourney *self,
                                                          FerryCommunityStore   *store,
                                                          FerryAccountManager   *accounts,
                                                          FerryJobManager       *jobs);
/* The saved communities (or, with none, what the journey is for). */
void                ferry_community_journey_show_list    (FerryCommunityJourney *self);
void                ferry_community_journey_open         (FerryCommunityJourney *self,
                                                          FerryCommunity        *community);
FerryCommunityPage *ferry_community_journey_get_page     (FerryCommunityJourney *self);

G_END_DECLS
